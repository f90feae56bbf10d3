using ListArchive.Analysis.Identity;
using ListArchive.Storage.Index;
using ListArchive.Storage.Search;
using static ListArchive.Storage.Tests.Conformance.ConformanceMessages;

namespace ListArchive.Storage.Tests.Conformance;

public abstract partial class IndexConformanceTests
{
    #region Search: every SearchQuery feature; matches and explicit orders only, never scores

    private static readonly DateTimeOffset March = new(2021, 3, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Five messages with distinct words. Only exact word forms are searched (the SQLite index stems with
    /// Porter, another backend may not; both find the word as written).
    /// </summary>
    private static List<IndexedMessage> SearchSample() =>
    [
        Make(1, "s1@a", "Open letter on digital cooperation", "We publish the manifesto today with many signatures.",
            "parminder", "parminder@itforchange.net", date: March),
        Make(2, "s2@a", "Re: Open letter on digital cooperation", "> We publish the manifesto today\nI am not impressed by the astroturf campaign.",
            "Milton Mueller", "milton@gatech.edu", date: March.AddDays(1),
            ownText: "I am not impressed by the astroturf campaign.", quotedText: "We publish the manifesto today",
            segments: [new TextSegment("quote", 0, 33) { Depth = 1 }, new TextSegment(TextSegment.Own, 33, 45)]),
        Make(3, "s3@a", "Budget report", "The budget report for the digital summit is attached.", "Bob", "bob@example.org", date: March.AddDays(36)),
        Make(4, "s4@a", "Deferreds", "How do deferreds chain in twisted? The manifesto says nothing.", "Glyph Lefkowitz", "glyph@twistedmatrix.com",
            list: "twisted", date: March.AddDays(57)),
        Make(5, "s5@a", "Summit logistics", "Hotel rooms near the summit venue are booked.", "Carol", "carol@example.org", date: March.AddDays(-13)),
    ];

    private IArchiveIndex SearchIndex()
    {
        var index = NewIndex();
        index.UpsertBatch(SearchSample());
        index.ApplyThreads("governance", [
            new ThreadAssignment("s1@a", "s1@a", null, 0, 0, null),
            new ThreadAssignment("s2@a", "s1@a", "s1@a", 1, 1, "in-reply-to"),
        ]);
        index.Flush();
        return index;
    }

    /// <summary>The Message-IDs matching <paramref name="query"/>, sorted (relevance order is not part of the contract).</summary>
    private static string[] Matches(IArchiveIndex index, string query)
    {
        var r = index.Search(SearchQuery.Parse(query), 0, 100);
        Assert.Equal(r.Total, r.Hits.Count);
        return r.Hits.Select(h => h.MessageId).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Free_words_must_all_match_case_insensitively()
    {
        var index = SearchIndex();
        Assert.Equal(["s1@a", "s4@a"], Matches(index, "manifesto"));
        Assert.Equal(["s1@a", "s4@a"], Matches(index, "MANIFESTO"));
        Assert.Equal(["s1@a"], Matches(index, "manifesto today"));
        Assert.Equal(["s3@a", "s5@a"], Matches(index, "summit"));
        Assert.Empty(Matches(index, "manifesto hotel"));
        Assert.Empty(Matches(index, "nonexistentword"));
    }

    [Fact]
    public void Subject_and_from_are_searched_by_default_and_by_field()
    {
        var index = SearchIndex();
        // "budget" is in s3's subject and body; "logistics" only in s5's subject; "parminder" only in s1's From.
        Assert.Equal(["s3@a"], Matches(index, "budget"));
        Assert.Equal(["s5@a"], Matches(index, "logistics"));
        Assert.Equal(["s1@a"], Matches(index, "parminder"));
        Assert.Equal(["s5@a"], Matches(index, "subject:logistics"));
        Assert.Empty(Matches(index, "subject:hotel"));
        Assert.Equal(["s1@a", "s2@a"], Matches(index, "subject:\"open letter\""));
    }

    [Fact]
    public void From_filter_matches_name_or_address_words()
    {
        var index = SearchIndex();
        Assert.Equal(["s2@a"], Matches(index, "from:milton"));
        Assert.Equal(["s2@a"], Matches(index, "from:mueller"));
        Assert.Equal(["s1@a"], Matches(index, "from:itforchange"));
        Assert.Equal(["s4@a"], Matches(index, "from:glyph manifesto"));
        Assert.Empty(Matches(index, "from:milton manifesto"));
        Assert.Empty(Matches(index, "from:manifesto"));
    }

    [Fact]
    public void Phrases_match_adjacent_words_only()
    {
        var index = SearchIndex();
        Assert.Equal(["s3@a"], Matches(index, "\"digital summit\""));
        Assert.Empty(Matches(index, "\"summit digital\""));
        Assert.Equal(["s1@a"], Matches(index, "\"publish the manifesto\""));
        Assert.Equal(["s2@a"], Matches(index, "\"astroturf campaign\" impressed"));
    }

    [Fact]
    public void Prefix_terms_match_word_starts()
    {
        var index = SearchIndex();
        Assert.Equal(["s1@a", "s4@a"], Matches(index, "manif*"));
        Assert.Equal(["s2@a"], Matches(index, "astro*"));
        Assert.Empty(Matches(index, "zzq*"));
    }

    [Fact]
    public void Exclusion_removes_matches_and_works_alone()
    {
        var index = SearchIndex();
        Assert.Equal(["s1@a"], Matches(index, "manifesto -twisted"));
        Assert.Equal(["s1@a"], Matches(index, "manifesto -\"how do\""));
        Assert.Equal(["s3@a"], Matches(index, "summit -hotel"));
        // Negation alone: every message without the word in its own text (s2 only quotes it), newest first.
        var alone = index.Search(SearchQuery.Parse("-manifesto"), 0, 10);
        Assert.Equal(3, alone.Total);
        Assert.Equal(["s3@a", "s2@a", "s5@a"], alone.Hits.Select(h => h.MessageId));
    }

    [Fact]
    public void List_filter_restricts_and_repeats_as_any_of()
    {
        var index = SearchIndex();
        Assert.Equal(["s4@a"], Matches(index, "manifesto list:twisted"));
        Assert.Equal(["s1@a"], Matches(index, "manifesto list:governance"));
        Assert.Equal(["s1@a", "s4@a"], Matches(index, "manifesto list:twisted list:governance"));
        Assert.Empty(Matches(index, "manifesto list:nolist"));
        // A list filter alone lists the list's messages, newest first.
        var list = index.Search(SearchQuery.Parse("list:governance"), 0, 10);
        Assert.Equal(4, list.Total);
        Assert.Equal(["s3@a", "s2@a", "s1@a", "s5@a"], list.Hits.Select(h => h.MessageId));
    }

    [Fact]
    public void Date_filters_after_inclusive_before_exclusive_in_utc()
    {
        var index = SearchIndex();
        // s1 2021-03-05, s2 2021-03-06, s3 2021-04-10, s4 2021-05-01, s5 2021-02-20 (all 10:00 UTC).
        Assert.Equal(["s2@a", "s3@a", "s4@a"], Matches(index, "after:2021-03-06"));
        Assert.Equal(["s1@a", "s5@a"], Matches(index, "before:2021-03-06"));
        Assert.Equal(["s2@a", "s3@a"], Matches(index, "after:2021-03-06 before:2021-05-01"));
        Assert.Equal(["s3@a", "s4@a"], Matches(index, "after:2021-04"));
        Assert.Equal(["s4@a"], Matches(index, "manifesto after:2021-04-01"));
        Assert.Equal(["s3@a"], Matches(index, "summit before:2021-05 after:2021-03"));
    }

    [Fact]
    public void Scope_selects_own_quoted_or_all_text()
    {
        var index = SearchIndex();
        Assert.Equal(["s1@a", "s4@a"], Matches(index, "manifesto in:own"));
        Assert.Equal(["s2@a"], Matches(index, "manifesto in:quoted"));
        Assert.Equal(["s1@a", "s2@a", "s4@a"], Matches(index, "manifesto in:all"));
        Assert.Empty(Matches(index, "astroturf in:quoted"));
        Assert.Equal(["s2@a"], Matches(index, "astroturf in:all"));
        // Quoted scope is only the quoted text: not the subject.
        Assert.Empty(Matches(index, "budget in:quoted"));
        // Exclusion follows the scope: s2 quotes the word, everyone else lacks quoted text.
        Assert.Equal(["s1@a", "s3@a", "s4@a", "s5@a"], Matches(index, "-manifesto in:quoted"));
        Assert.Equal(["s3@a", "s5@a"], Matches(index, "-manifesto in:all"));
    }

    [Fact]
    public void Hits_carry_the_message_fields()
    {
        var index = SearchIndex();
        var hit = Assert.Single(index.Search(SearchQuery.Parse("astroturf"), 0, 10).Hits);
        Assert.Equal(2, hit.RawId);
        Assert.Equal("s2@a", hit.MessageId);
        Assert.Equal("governance", hit.List);
        Assert.Equal("Re: Open letter on digital cooperation", hit.Subject);
        Assert.Equal(new PersonRef("Milton Mueller", "milton@gatech.edu", AuthorGraph.AuthorId("milton@gatech.edu")), hit.From);
        Assert.Equal(March.AddDays(1), hit.Date);
        Assert.Equal("s1@a", hit.ThreadId);
        Assert.Null(index.Search(SearchQuery.Parse("hotel"), 0, 10).Hits.Single().ThreadId);
    }

    [Fact]
    public void Highlights_point_at_the_matched_words_in_own_text()
    {
        var index = SearchIndex();
        foreach (var (query, id, word) in new[] { ("astroturf", "s2@a", "astroturf"), ("impressed campaign", "s2@a", null), ("hotel", "s5@a", "hotel") })
        {
            var hit = Assert.Single(index.Search(SearchQuery.Parse(query), 0, 10).Hits);
            Assert.Equal(id, hit.MessageId);
            var own = index.GetMessage(id)!;
            AssertSnippetOf(hit.Snippet, own.BodyText);
            Assert.NotEmpty(hit.Snippet.Highlights);
            var words = word is null ? query.Split(' ') : [word];
            Assert.All(hit.Snippet.Highlights, r =>
                Assert.Contains(hit.Snippet.Text.Substring(r.Start, r.Length), words, StringComparer.OrdinalIgnoreCase));
            // Every word asked for is highlighted.
            Assert.All(words, w => Assert.Contains(hit.Snippet.Highlights, r => string.Equals(hit.Snippet.Text.Substring(r.Start, r.Length), w, StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public void Highlights_of_a_quoted_scope_search_are_in_the_quoted_text()
    {
        var index = SearchIndex();
        var hit = Assert.Single(index.Search(SearchQuery.Parse("manifesto in:quoted"), 0, 10).Hits);
        AssertSnippetOf(hit.Snippet, "We publish the manifesto today");
        var r = Assert.Single(hit.Snippet.Highlights);
        Assert.Equal("manifesto", hit.Snippet.Text.Substring(r.Start, r.Length));
    }

    [Fact]
    public void Highlight_markers_inside_messages_cannot_forge_highlights()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(1, "evil@a", "Forged", "An \uE000injected\uE001 marker near the keyword astroturf here.")]);
        var hit = Assert.Single(index.Search(SearchQuery.Parse("astroturf"), 0, 10).Hits);
        Assert.DoesNotContain('\uE000', hit.Snippet.Text);
        Assert.DoesNotContain('\uE001', hit.Snippet.Text);
        var r = Assert.Single(hit.Snippet.Highlights);
        Assert.Equal("astroturf", hit.Snippet.Text.Substring(r.Start, r.Length));
    }

    [Fact]
    public void Pages_partition_the_matches_and_every_page_reports_the_total()
    {
        var index = NewIndex();
        var messages = Enumerable.Range(1, 12).Select(i => Make(i, $"p{i:00}@a", $"Item {i}", $"A shared keyword quorum and item number w{i}.",
            date: March.AddHours(i), list: i % 3 == 0 ? "twisted" : "governance")).ToList();
        index.UpsertBatch(messages);
        index.Flush();
        var seen = new List<string>();
        for (var offset = 0; offset < 15; offset += 5)
        {
            var page = index.Search(SearchQuery.Parse("quorum"), offset, 5);
            Assert.Equal(12, page.Total);
            Assert.Equal(Math.Min(5, 12 - offset), page.Hits.Count);
            seen.AddRange(page.Hits.Select(h => h.MessageId));
        }

        Assert.Equal(messages.Select(m => m.MessageId).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Empty(index.Search(SearchQuery.Parse("quorum"), 20, 5).Hits);
        // Filtered totals count the filtered matches only.
        Assert.Equal(4, index.Search(SearchQuery.Parse("quorum list:twisted"), 0, 2).Total);
        Assert.Equal(1, index.Search(SearchQuery.Parse("quorum w7"), 0, 5).Total);
        // Without words the order is explicit (newest first), so pages are exact.
        var second = index.Search(SearchQuery.Parse("list:governance"), 3, 3);
        Assert.Equal(8, second.Total);
        Assert.Equal(["p07@a", "p05@a", "p04@a"], second.Hits.Select(h => h.MessageId));
    }

    [Fact]
    public void Empty_and_warning_only_queries_match_nothing_and_return_the_warnings()
    {
        var index = SearchIndex();
        var empty = index.Search(SearchQuery.Parse(""), 0, 10);
        Assert.Equal(0, empty.Total);
        Assert.Empty(empty.Hits);
        var bad = SearchQuery.Parse("in:bogus after:someday");
        var r = index.Search(bad, 0, 10);
        Assert.Equal(0, r.Total);
        Assert.Equal(bad.Warnings, r.Warnings);
        Assert.Equal(2, r.Warnings.Count);
        // Warnings come back with matches too.
        var mixed = SearchQuery.Parse("manifesto in:bogus");
        var m = index.Search(mixed, 0, 10);
        Assert.Equal(2, m.Total);
        Assert.Equal(mixed.Warnings, m.Warnings);
    }

    [Fact]
    public void Query_syntax_characters_are_searched_as_text()
    {
        var index = SearchIndex();
        // FTS/DSL operators typed by a user are words, never operators.
        Assert.Empty(Matches(index, "manifesto OR hotel"));
        Assert.Equal(["s1@a", "s4@a"], Matches(index, "manifesto ("));
        Assert.Empty(Matches(index, "manifesto AND NOT today NEAR"));
    }

    [Fact]
    public void Search_follows_replaced_messages()
    {
        var index = SearchIndex();
        index.UpsertBatch([SearchSample()[2] with { BodyText = "The treasurer's spreadsheet is attached.", Subject = "Accounts" }]);
        Assert.Empty(Matches(index, "budget"));
        Assert.Equal(["s3@a"], Matches(index, "spreadsheet"));
        Assert.Equal(["s3@a"], Matches(index, "subject:accounts"));
        Assert.Equal(["s5@a"], Matches(index, "summit"));
    }

    /// <summary>A snippet's text is a piece of <paramref name="source"/> (ellipses and surrounding white space aside).</summary>
    private static void AssertSnippetOf(HighlightedText snippet, string source)
    {
        var text = snippet.Text.Trim().Trim('…').Trim();
        Assert.NotEmpty(text);
        Assert.Contains(Normalize(text), Normalize(source), StringComparison.Ordinal);

        static string Normalize(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    #endregion
}
