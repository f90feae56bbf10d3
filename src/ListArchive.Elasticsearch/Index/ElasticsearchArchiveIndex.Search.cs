using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ListArchive.Storage.Index;
using ListArchive.Storage.Search;

namespace ListArchive.Elasticsearch.Index;

// Search (SqliteArchiveIndex.Search): every term is a phrase (FtsQueryBuilder quotes each term, and an
// FTS5 string of several tokens is a phrase), matched in the fields of its scope; negated terms are
// must_not; list and date filters are filters. Ranked by score with the SQLite column weights
// (subject 4, From 2, own text 1, quoted text 0.5), ties by date (newest first), Message-ID and list.
// Highlights are marked with HighlightedText's private-use characters, so the web gets the same ranges.
public sealed partial class ElasticsearchArchiveIndex
{
    /// <summary>About FTS5's 24-token snippet, in characters (Elasticsearch fragments are sized in characters).</summary>
    private const int SnippetChars = 160;

    /// <summary>The snippet of a query without positive terms: the first 200 characters (SQLite: substr(…, 1, 200)).</summary>
    private const int PlainSnippetChars = 200;

    /// <inheritdoc />
    public SearchResults Search(SearchQuery query, int offset, int limit)
    {
        if (query.IsEmpty)
            return new SearchResults(0, [], query.Warnings);
        BeforeRead();
        var (esQuery, positive, sort) = BuildQuery(query);
        var snippetField = query.Scope == SearchScope.Quoted ? "quoted_text" : "own_text";
        var source = EsQuery.Source("raw_id", "message_id", "list", "subject", "from_name", "from_address", "author_id", "date", "date_offset", "thread_id",
            snippetField);
        List<JsonObject> hits;
        long total;
        if (limit <= 0 || offset < 0 || (long)offset + limit > ResultWindow)
        {
            // Deep pages walk without highlights (a cluster refuses from + size beyond the window).
            hits = Page(EsIndices.Messages, esQuery, sort, source, offset, limit, out total);
        }
        else
        {
            var body = new JsonObject
            {
                ["from"] = offset,
                ["size"] = limit,
                ["query"] = esQuery,
                ["sort"] = sort,
                ["track_total_hits"] = true,
                ["_source"] = source,
            };
            if (positive)
                body["highlight"] = Highlight(query.Scope);
            hits = SearchHits(EsIndices.Messages, body, out total);
        }

        var results = hits.Select(h =>
        {
            var s = Doc(h);
            return new SearchHit((long)s["raw_id"]!, (string)s["message_id"]!, (string)s["list"]!, (string?)s["subject"] ?? "",
                new PersonRef((string?)s["from_name"], (string?)s["from_address"], (string?)s["author_id"]), Date(s), (string?)s["thread_id"],
                Snippet(h, query.Scope, (string?)s[snippetField] ?? "", positive));
        }).ToList();
        return new SearchResults(total, results, query.Warnings);
    }

    /// <summary>
    /// The query of a <see cref="SearchQuery"/>: positive terms must match (scored), negated ones must
    /// not, lists and dates filter; and the sort (score first when there are positive terms).
    /// </summary>
    private static (JsonObject Query, bool Positive, JsonArray Sort) BuildQuery(SearchQuery query)
    {
        var positive = query.Terms.Where(t => !t.Negated).Select(t => TermQuery(t, query.Scope)).ToList();
        var negative = query.Terms.Where(t => t.Negated).Select(t => TermQuery(t, query.Scope)).ToList();
        var filters = new List<JsonObject>();
        if (query.Lists.Count > 0)
            filters.Add(EsQuery.Terms("list", query.Lists));
        if (query.After is not null || query.Before is not null)
        {
            filters.Add(EsQuery.Range("date",
                gte: query.After is { } a ? EsDates.Format(a) : null,
                lt: query.Before is { } b ? EsDates.Format(b) : null));
        }

        var esQuery = filters.Count == 0 && positive.Count == 0 && negative.Count == 0
            ? EsQuery.MatchAll()
            : EsQuery.Bool(filter: filters, must: positive, mustNot: negative);
        // Copies of one message (same Message-ID, list and date) tie in SQLite's ORDER BY too, and their
        // order there follows its plan: with a list filter it walks its (list, date) index backwards
        // (newest copy first), without one it sorts a scan in raw-id order. Mirrored, so pages agree.
        var copies = query.Lists.Count > 0 ? "desc" : "asc";
        var sort = positive.Count > 0
            ? EsQuery.Sort(("_score", "desc"), ("date", "desc"), ("message_id", "asc"), ("list", "asc"), ("raw_id", copies))
            : EsQuery.Sort(("date", "desc"), ("message_id", "asc"), ("list", "asc"), ("raw_id", copies));
        return (esQuery, positive.Count > 0, sort);
    }

    /// <summary>The fields a term looks in (FtsQueryBuilder.Term's column filters), with SQLite's bm25 weights.</summary>
    private static string[] TermFields(SearchTerm term, SearchScope scope) => term.Field switch
    {
        SearchField.Subject => ["subject"],
        SearchField.From => ["from_text"],
        _ => scope switch
        {
            SearchScope.Own => ["subject^4", "own_text", "from_text^2"],
            SearchScope.Quoted => ["quoted_text"],
            _ => ["subject^4", "own_text", "quoted_text^0.5", "from_text^2"],
        },
    };

    /// <summary>
    /// One term: its words as a phrase in any one of its fields (an FTS5 phrase does not span columns,
    /// nor does a match_phrase span fields). A prefix term (<c>word*</c>) matches its last word as a prefix.
    /// </summary>
    private static JsonObject TermQuery(SearchTerm term, SearchScope scope)
    {
        var fields = TermFields(term, scope);
        if (!term.Prefix)
        {
            return new JsonObject
            {
                ["multi_match"] = new JsonObject
                {
                    ["query"] = term.Text,
                    ["type"] = "phrase",
                    ["fields"] = new JsonArray(fields.Select(f => (JsonNode?)f).ToArray()),
                },
            };
        }

        // A prefix query is not analysed: the prefix is folded and stemmed here as the analyser treats
        // indexed words, and as FTS5's porter tokenizer stems a prefix token ("maintainer*" finds "maintain").
        var words = Words(term.Text);
        var last = words.Count > 0 ? PorterStem.Stem(Fold(words[^1])) : "";
        var head = string.Join(' ', words.Take(words.Count - 1));
        var perField = new List<JsonObject>();
        foreach (var f in fields)
        {
            var name = f.Split('^')[0];
            var prefix = new JsonObject { ["prefix"] = new JsonObject { [name] = new JsonObject { ["value"] = last } } };
            perField.Add(head.Length == 0
                ? prefix
                : EsQuery.Bool(must:
                [
                    new JsonObject { ["match_phrase"] = new JsonObject { [name] = new JsonObject { ["query"] = head } } },
                    prefix,
                ]));
        }

        return perField.Count == 1 ? perField[0] : EsQuery.Bool(should: perField, minimumShouldMatch: 1);
    }

    private static JsonObject Highlight(SearchScope scope)
    {
        // Own and quoted scopes show their own column, as SQLite's snippet(…, 1 or 2, …); "all" shows
        // whichever column matched, own text first.
        string[] fields = scope switch
        {
            SearchScope.Own => ["own_text"],
            SearchScope.Quoted => ["quoted_text"],
            _ => ["own_text", "quoted_text", "subject", "from_text"],
        };
        var array = new JsonArray();
        foreach (var f in fields)
        {
            var options = new JsonObject { ["number_of_fragments"] = 1, ["fragment_size"] = SnippetChars };
            if (f == fields[0])
                options["no_match_size"] = SnippetChars;
            array.Add(new JsonObject { [f] = options });
        }

        return new JsonObject
        {
            ["pre_tags"] = new JsonArray(HighlightedText.Open.ToString()),
            ["post_tags"] = new JsonArray(HighlightedText.Close.ToString()),
            ["fields"] = array,
        };
    }

    /// <summary>The hit's highlighted fragment (tags are HighlightedText's markers), or the start of its text.</summary>
    private static HighlightedText Snippet(JsonObject hit, SearchScope scope, string text, bool positive)
    {
        if (positive && hit["highlight"] is JsonObject highlight)
        {
            string[] order = scope switch
            {
                SearchScope.Own => ["own_text"],
                SearchScope.Quoted => ["quoted_text"],
                _ => ["own_text", "quoted_text", "subject", "from_text"],
            };
            // A fragment with a highlight first; else the no-match fragment of the first field.
            string? fallback = null;
            foreach (var f in order)
            {
                if ((highlight[f] as JsonArray)?.FirstOrDefault() is JsonNode n && (string?)n is { } fragment)
                {
                    if (fragment.Contains(HighlightedText.Open, StringComparison.Ordinal))
                        return HighlightedText.FromMarked(fragment);
                    fallback ??= fragment;
                }
            }

            if (fallback is not null)
                return HighlightedText.FromMarked(fallback);
        }

        return HighlightedText.FromMarked(positive ? Prefix(text, SnippetChars) : Prefix(text, PlainSnippetChars));
    }

    /// <summary>The first <paramref name="n"/> characters (code points, as SQLite's substr) of a text.</summary>
    private static string Prefix(string text, int n)
    {
        var end = 0;
        var count = 0;
        for (var i = 0; i < text.Length && count < n; count++)
        {
            i += char.IsSurrogatePair(text, i) ? 2 : 1;
            end = i;
        }

        return text[..end];
    }

    /// <summary>The words of a text as the analyser splits them (runs of letters, digits and private-use characters).</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            var cat = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || cat is UnicodeCategory.PrivateUse or UnicodeCategory.OtherNumber or UnicodeCategory.LetterNumber)
            {
                sb.Append(c);
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
            words.Add(sb.ToString());
        return words;
    }

    /// <summary>Lower case without diacritics (the analyser's lowercase and asciifolding filters, approximately).</summary>
    private static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(c);
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
