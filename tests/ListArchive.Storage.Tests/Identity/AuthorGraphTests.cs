using ListArchive.Analysis.Identity;

namespace ListArchive.Storage.Tests.Identity;

public sealed class AuthorGraphTests
{
    [Theory]
    [InlineData(" <Milton@GaTech.EDU> ", "milton@gatech.edu")]
    [InlineData("therve at free.fr", "therve@free.fr")]
    [InlineData("albertmas en termens.cat", "albertmas@termens.cat")]
    [InlineData("mailto:a@b.org", "a@b.org")]
    [InlineData("not an address", null)]
    [InlineData("", null)]
    public void Addresses_are_normalised(string input, string? expected)
    {
        Assert.Equal(expected, AddressNormalizer.Normalize(input));
    }

    [Theory]
    [InlineData("Thomas Hervé", "thomas herve", true)]
    [InlineData("\"Mueller, Milton\"", "milton mueller", true)]
    [InlineData("  MILTON   MUELLER ", "milton mueller", true)]
    [InlineData("parminder", "parminder", false)]
    [InlineData("J. Smith", "j smith", false)]
    [InlineData("Governance List", "governance list", false)]
    [InlineData("jdoe@example.org", "jdoe@example org", false)]
    public void Display_name_keys_and_mergeability(string name, string key, bool mergeable)
    {
        Assert.Equal(key, DisplayNameKey.Key(name));
        Assert.Equal(mergeable, DisplayNameKey.IsMergeable(DisplayNameKey.Key(name)));
    }

    [Fact]
    public void Same_multi_word_name_merges_addresses_with_evidence()
    {
        var g = new AuthorGraph();
        g.Observe("milton@gatech.edu", "milton mueller");
        g.Observe("mueller@syr.edu", "milton mueller");
        g.Observe("other@example.org", "someone else");
        Assert.Equal(g.AuthorIdOf("milton@gatech.edu"), g.AuthorIdOf("mueller@syr.edu"));
        Assert.NotEqual(g.AuthorIdOf("milton@gatech.edu"), g.AuthorIdOf("other@example.org"));
        Assert.Equal(["milton@gatech.edu", "mueller@syr.edu"], g.MembersOf("mueller@syr.edu"));
        Assert.Equal(new AuthorEvidence("milton@gatech.edu", AuthorEvidence.Canonical, null), g.EvidenceFor("milton@gatech.edu"));
        Assert.Equal(new AuthorEvidence("mueller@syr.edu", AuthorEvidence.SameDisplayName, "milton mueller"), g.EvidenceFor("mueller@syr.edu"));
        Assert.Equal(AuthorGraph.AuthorId("milton@gatech.edu"), g.AuthorIdOf("mueller@syr.edu"));
    }

    [Fact]
    public void Single_word_names_never_merge()
    {
        var g = new AuthorGraph();
        g.Observe("parminder@itforchange.net", "parminder");
        g.Observe("parminder@gmail.com", "parminder");
        Assert.NotEqual(g.AuthorIdOf("parminder@itforchange.net"), g.AuthorIdOf("parminder@gmail.com"));
    }

    [Fact]
    public void Unrecovered_name_only_node_joins_the_person_with_that_name()
    {
        var g = new AuthorGraph();
        var node = AuthorGraph.NodeFor(null, "anriette esterhuysen")!;
        Assert.Equal("name:anriette esterhuysen", node);
        g.Observe(node, "anriette esterhuysen");
        Assert.Equal(AuthorGraph.AuthorId(node), g.AuthorIdOf(node));
        g.Observe("anriette@apc.org", "anriette esterhuysen");
        // The real address becomes canonical once known.
        Assert.Equal(AuthorGraph.AuthorId("anriette@apc.org"), g.AuthorIdOf(node));
    }

    [Fact]
    public void Result_does_not_depend_on_observation_order()
    {
        (string, string?)[] observations =
        [
            ("b@x.org", "ann lee"), ("c@x.org", "ann lee"), ("c@x.org", "annie lee"), ("a@x.org", "annie lee"),
            ("d@x.org", "bob"), ("e@x.org", null), ("f@x.org", "carl marx"),
        ];
        string Snapshot(IEnumerable<(string, string?)> obs)
        {
            var g = new AuthorGraph();
            foreach (var (n, k) in obs)
            {
                g.Observe(n, k);
            }

            return string.Join(";", observations.Select(o => o.Item1).Distinct().Order()
                .Select(n => $"{n}={g.AuthorIdOf(n)}/{g.EvidenceFor(n)}"));
        }

        var forward = Snapshot(observations);
        Assert.Equal(forward, Snapshot(observations.Reverse()));
        Assert.Equal(forward, Snapshot(observations.OrderBy(o => o.Item2).ThenByDescending(o => o.Item1)));
        var g2 = new AuthorGraph();
        foreach (var (n, k) in observations)
        {
            g2.Observe(n, k);
        }

        Assert.Equal(["a@x.org", "b@x.org", "c@x.org"], g2.MembersOf("b@x.org"));
    }
}
