using ListArchive.Storage.Index;
using ListArchive.Storage.Search;
using ListArchive.Storage.Tests.Support;
using ListArchive.Testing;

namespace ListArchive.Storage.Tests.Search;

/// <summary>Own and quoted text are indexed apart: <c>in:own</c> (default), <c>in:quoted</c>, <c>in:all</c>.</summary>
public sealed class SearchScopeTests : IDisposable
{
    private const string Letter = "urging him to shelve plans for a High Level Multistakeholder Body";
    private const string Reply = "I am not impressed by the letter.";
    private readonly TempDirectory _dir = new();
    private readonly SqliteArchiveIndex _index;

    public SearchScopeTests()
    {
        _index = SqliteArchiveIndex.Open(_dir.Path);
        var quoted = Reply + "\nOn Fri, parminder wrote:\n> " + Letter + "\n";
        var quoteStart = quoted.IndexOf('>');
        _index.UpsertBatch(
        [
            Messages.Make(1, "letter@x", "Open letter", Letter, "parminder", "parminder@itforchange.net"),
            Messages.Make(2, "reply@x", "Re: Open letter", quoted, "Milton Mueller", "milton@gatech.edu") with
            {
                OwnText = Reply,
                QuotedText = Letter,
                Segments =
                [
                    new TextSegment("own", 0, Reply.Length + 1),
                    new TextSegment("attribution", Reply.Length + 1, quoteStart - Reply.Length - 1) { AuthorName = "parminder" },
                    new TextSegment("quote", quoteStart, quoted.Length - quoteStart)
                    {
                        Depth = 1, AuthorName = "parminder", AuthorAddress = "parminder@itforchange.net",
                        Date = new DateTimeOffset(2021, 3, 5, 14, 15, 0, TimeSpan.FromHours(5.5)), CiteMessageId = "<letter@x>",
                    },
                ],
            },
        ]);
    }

    private string[] Ids(string q) => _index.Search(SearchQuery.Parse(q), 0, 10).Hits.Select(h => h.MessageId).Order().ToArray();

    [Fact]
    public void Own_words_are_searched_by_default_quotes_on_request()
    {
        Assert.Equal(["letter@x"], Ids("\"Multistakeholder Body\""));
        Assert.Equal(["letter@x"], Ids("\"Multistakeholder Body\" in:own"));
        Assert.Equal(["reply@x"], Ids("\"Multistakeholder Body\" in:quoted"));
        Assert.Equal(["letter@x", "reply@x"], Ids("\"Multistakeholder Body\" in:all"));
        Assert.Equal(["reply@x"], Ids("impressed"));
        Assert.Empty(Ids("impressed in:quoted"));
    }

    [Fact]
    public void Exclusion_follows_the_scope()
    {
        // "letter" is in Milton's own text; -impressed in:all drops his reply, not the letter.
        Assert.Equal(["letter@x"], Ids("Multistakeholder -impressed in:all"));
        Assert.Empty(Ids("Multistakeholder -shelve in:quoted"));
        // Own scope: the quoted "shelve" does not exclude Milton's reply.
        Assert.Equal(["reply@x"], Ids("impressed -shelve"));
    }

    [Fact]
    public void Unknown_scope_is_a_warning()
    {
        var q = SearchQuery.Parse("letter in:sky");
        Assert.Equal(SearchScope.Own, q.Scope);
        Assert.Contains(q.Warnings, w => w.Contains("in:", StringComparison.Ordinal));
        Assert.Equal(SearchScope.Quoted, SearchQuery.Parse("in:quoted x").Scope);
    }

    [Fact]
    public void Segments_are_read_back_with_their_attribution()
    {
        var m = _index.GetMessage("reply@x")!;
        Assert.Equal(["own", "attribution", "quote"], m.Segments.Select(s => s.Kind).ToArray());
        var quote = m.Segments[2];
        Assert.Equal(1, quote.Depth);
        Assert.Equal("parminder@itforchange.net", quote.AuthorAddress);
        Assert.Equal(new DateTimeOffset(2021, 3, 5, 14, 15, 0, TimeSpan.FromHours(5.5)), quote.Date);
        Assert.Equal(TimeSpan.FromHours(5.5), quote.Date!.Value.Offset);
        Assert.Equal("letter@x", quote.CiteMessageId);
        Assert.StartsWith("> urging", m.BodyText.Substring(quote.Start, quote.Length), StringComparison.Ordinal);
    }

    [Fact]
    public void Resegmenting_replaces_segments_and_full_text()
    {
        var m = _index.GetMessage("reply@x")!;
        _index.UpdateSegmentation([new SegmentationUpdate(m.RawId, [new TextSegment("own", 0, m.BodyText.Length)], m.BodyText, "", "k1")]);
        Assert.Equal(["own"], _index.GetMessage("reply@x")!.Segments.Select(s => s.Kind).ToArray());
        Assert.Equal("k1", Assert.Single(_index.GetTrailerKeys([], ["milton@gatech.edu"])).TrailerKey);
        Assert.Equal(["letter@x", "reply@x"], Ids("\"Multistakeholder Body\""));
        Assert.Empty(Ids("\"Multistakeholder Body\" in:quoted"));
    }

    [Fact]
    public void Trailers_are_saved_replaced_and_removed()
    {
        Assert.Empty(_index.GetTrailers());
        Assert.Equal(0, _index.TrailersLearnedUpTo);
        _index.SaveTrailers(new Dictionary<(string Kind, string Key), string?>
        {
            [("footer", "governance")] = "Governance mailing list",
            [("signature", "milton@gatech.edu")] = "Milton",
        }, 2);
        Assert.Equal(2, _index.GetTrailers().Count);
        Assert.Equal(2, _index.TrailersLearnedUpTo);
        _index.SaveTrailers(new Dictionary<(string Kind, string Key), string?> { [("signature", "milton@gatech.edu")] = null }, 3);
        Assert.Equal("Governance mailing list", Assert.Single(_index.GetTrailers()).Value);
        Assert.Equal(3, _index.TrailersLearnedUpTo);
        var milton = Assert.Single(_index.GetTrailerKeys([], ["milton@gatech.edu"]));
        Assert.Equal(2, milton.RawId);
        Assert.Equal("", milton.TrailerKey);
        Assert.Equal([1L, 2L], _index.GetTrailerKeys(["governance"], []).Select(b => b.RawId).ToArray());
        Assert.Equal([2L], _index.GetBodies([2L]).Select(b => b.RawId).ToArray());
        var (lists, senders) = _index.GetRecentBodies(1, perList: 1, perSender: 5);
        // Raw id 2 is the only message after 1: its list and sender are touched; one body per list.
        Assert.Equal(["governance"], lists.Keys.ToArray());
        Assert.Single(lists["governance"]);
        Assert.Equal(["milton@gatech.edu"], senders.Keys.ToArray());
    }

    public void Dispose()
    {
        _index.Dispose();
        _dir.Dispose();
    }
}
