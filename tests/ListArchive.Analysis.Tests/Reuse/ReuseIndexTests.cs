using ListArchive.Analysis.Reuse;

namespace ListArchive.Analysis.Tests.Reuse;

public sealed class ReuseIndexTests
{
    private static readonly DateTimeOffset T0 = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Made-up words so that no two texts share a 5-gram by chance.
    private static string Words(int seed, int count)
    {
        var random = new Random(seed);
        const string consonants = "bcdfghjklmnprstvwz";
        const string vowels = "aeiou";
        var words = new string[count];
        for (var w = 0; w < count; w++)
        {
            var n = random.Next(2, 5);
            var chars = new char[n * 2];
            for (var i = 0; i < n; i++)
            {
                chars[2 * i] = consonants[random.Next(consonants.Length)];
                chars[(2 * i) + 1] = vowels[random.Next(vowels.Length)];
            }

            words[w] = new string(chars);
        }

        return string.Join(' ', words);
    }

    private static ReuseSourceInfo At(int day, string? author = null) => new(author, T0.AddDays(day));

    [Fact]
    public void Attributes_a_rewrapped_quote_to_its_source_with_exact_ranges()
    {
        var index = new ReuseIndex();
        var passage = Words(1, 40);
        var source = Words(2, 30) + "\n\n" + passage + "\n\n" + Words(3, 20);
        index.Add(10, source, At(0, "alice"));
        index.Add(11, Words(4, 200), At(0, "bob"));

        var rewrapped = string.Join('\n', passage.Split(' ').Chunk(7).Select(c => "> " + string.Join(' ', c)));
        var message = Words(5, 25) + "\n\n" + rewrapped + "\n";
        var spans = index.Attribute(message, new ReuseQuery { Before = T0.AddDays(1) });

        var span = Assert.Single(spans);
        Assert.Equal(10, span.SourceId);
        Assert.Equal("alice", span.AuthorKey);
        Assert.Equal(40, span.Words);
        Assert.Equal(passage, source[span.SourceStart..span.SourceEnd]);
        Assert.Equal(rewrapped[2..], message[span.MessageStart..span.MessageEnd]);
    }

    [Fact]
    public void Ranks_candidates_by_shared_fingerprints_and_skips_very_common_ones()
    {
        var footer = Words(7, 30);
        var index = new ReuseIndex(maxSourcesPerFingerprint: 5);
        for (var i = 0; i < 6; i++)
        {
            index.Add(100 + i, Words(100 + i, 50) + "\n" + footer, At(i));
        }

        var longQuote = Words(200, 80);
        var shortQuote = Words(201, 20);
        index.Add(1, longQuote, At(10));
        index.Add(2, shortQuote, At(10));

        var message = WordStream.Create(shortQuote + "\n" + longQuote + "\n" + footer);
        var candidates = index.Lookup(message);
        Assert.Equal([1L, 2L], candidates.Select(c => c.SourceId));
        Assert.True(candidates[0].SharedFingerprints > candidates[1].SharedFingerprints);

        // The same footer held by at most the cap's sources is not common: its sources come back.
        var lenient = new ReuseIndex(maxSourcesPerFingerprint: 6);
        for (var i = 0; i < 6; i++)
        {
            lenient.Add(100 + i, Words(100 + i, 50) + "\n" + footer, At(i));
        }

        Assert.Equal(6, lenient.Lookup(WordStream.Create(footer)).Count);
        Assert.Empty(index.Lookup(WordStream.Create(footer)));
    }

    [Fact]
    public void Leaves_out_itself_and_later_sources_but_not_ancestors()
    {
        var passage = Words(300, 30);
        var index = new ReuseIndex();
        index.Add(1, passage, At(5));
        index.Add(2, passage + " " + Words(301, 10), At(20));
        var message = WordStream.Create(passage);

        Assert.Equal([1L], index.Lookup(message, new ReuseQuery { Before = T0.AddDays(10), Self = 3 }).Select(c => c.SourceId));
        Assert.Equal([2L], index.Lookup(message, new ReuseQuery { Before = T0.AddDays(10), Self = 1, Ancestors = [2] }).Select(c => c.SourceId));
        Assert.Equal([2L], index.Lookup(message, new ReuseQuery { Self = 1 }).Select(c => c.SourceId));
        Assert.False(index.Add(1, "anything", null));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Overlapping_sources_earlier_wins_and_ancestors_before_others()
    {
        var passage = Words(400, 35);
        var index = new ReuseIndex();
        index.Add(7, passage, At(3));               // a later repost
        index.Add(5, passage, At(1));               // the origin
        index.Add(9, Words(401, 20) + " " + passage, At(2));
        var message = Words(402, 10) + "\n" + passage;

        var byDate = Assert.Single(index.Attribute(message));
        Assert.Equal(5, byDate.SourceId);

        var byThread = Assert.Single(index.Attribute(message, new ReuseQuery { Ancestors = [7] }));
        Assert.Equal(7, byThread.SourceId);

        // Both in the thread: the earlier ancestor is the origin, whichever is nearer.
        var chain = Assert.Single(index.Attribute(message, new ReuseQuery { Ancestors = [7, 5] }));
        Assert.Equal(5, chain.SourceId);
    }

    [Fact]
    public void A_message_quoting_two_sources_gets_a_span_for_each_in_order()
    {
        var first = Words(500, 25);
        var second = Words(501, 15);
        var index = new ReuseIndex();
        index.Add(1, Words(502, 5) + " " + first, At(0));
        index.Add(2, second + " " + Words(503, 5), At(1));
        var message = second + "\n\n" + Words(504, 12) + "\n\n" + first;

        var spans = index.Attribute(message);
        Assert.Equal([2L, 1L], spans.Select(s => s.SourceId));
        Assert.Equal(second, message[spans[0].MessageStart..spans[0].MessageEnd]);
        Assert.Equal(first, message[spans[1].MessageStart..spans[1].MessageEnd]);
        Assert.Equal([15, 25], spans.Select(s => s.Words));
    }

    [Fact]
    public void A_cut_span_keeps_a_remainder_with_estimated_source_range()
    {
        // Source 1 holds a + b; ancestor 2 holds only b: b goes to the ancestor, a stays with source 1.
        var a = Words(600, 20);
        var b = Words(601, 20);
        var index = new ReuseIndex();
        index.Add(1, a + " " + b, At(0));
        index.Add(2, b, At(1));
        var message = a + " " + b;

        var spans = index.Attribute(message, new ReuseQuery { Ancestors = [2] });
        Assert.Equal([1L, 2L], spans.Select(s => s.SourceId));
        Assert.Equal(a, message[spans[0].MessageStart..spans[0].MessageEnd]);
        Assert.Equal(a, index.TextOf(1)![spans[0].SourceStart..spans[0].SourceEnd]);
        Assert.Equal(b, message[spans[1].MessageStart..spans[1].MessageEnd]);
    }

    [Fact]
    public void A_footer_missed_in_one_source_is_common_through_boilerplate_counts()
    {
        var footer = Words(700, 14);
        var own = Words(701, 40) + "\n" + footer;
        var message = Words(702, 20) + "\n\n" + footer;

        var plain = new ReuseIndex(maxSourcesPerFingerprint: 5);
        plain.Add(1, own, At(0));
        Assert.Equal(1, Assert.Single(plain.Attribute(message)).SourceId);

        var index = new ReuseIndex(maxSourcesPerFingerprint: 5);
        index.Add(1, own, At(0));
        for (var i = 0; i < 5; i++)
        {
            index.AddBoilerplate(footer);
        }

        Assert.True(index.IsCommon(index.Fingerprinter.Fingerprint(WordStream.Create(footer))[0].Hash));
        Assert.Empty(index.Attribute(message));

        // Own words of the same source around the footer are still attributed, the footer excepted.
        var quoting = Words(701, 40) + "\n" + footer;
        var span = Assert.Single(index.Attribute(quoting, new ReuseQuery { Ancestors = [1] }));
        Assert.True(span.Words >= 40);
    }

    [Fact]
    public void A_parent_stands_for_the_indexed_ancestor_chain()
    {
        var passage = Words(800, 30);
        var index = new ReuseIndex();
        index.Add(1, passage, new ReuseSourceInfo("a", T0.AddDays(1)));                   // the origin
        index.Add(2, Words(801, 20), new ReuseSourceInfo("b", T0.AddDays(2), ParentId: 1));
        index.Add(3, Words(802, 20), new ReuseSourceInfo("c", T0.AddDays(3), ParentId: 2));
        index.Add(4, passage, new ReuseSourceInfo("d", T0));                             // earlier, other thread
        var message = WordStream.Create(Words(803, 10) + "\n" + passage);

        Assert.Equal([3L, 2L, 1L, 4L], index.Lookup(message, new ReuseQuery { Parent = 3 }).Select(c => c.SourceId));
        Assert.Equal([0, 1, 2, -1], index.Lookup(message, new ReuseQuery { Parent = 3 }).Select(c => c.AncestorRank));
        Assert.Equal(1, Assert.Single(index.Attribute(message, new ReuseQuery { Parent = 3 })).SourceId);
        Assert.Equal(4, Assert.Single(index.Attribute(message)).SourceId);
    }
}
