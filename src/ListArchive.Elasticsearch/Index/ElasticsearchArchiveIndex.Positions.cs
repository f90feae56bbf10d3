using System.Text.Json.Nodes;
using ListArchive.Storage.Index;
using R = ListArchive.Elasticsearch.Index.ReuseRequests;

namespace ListArchive.Elasticsearch.Index;

// Positions per author (issue 6; docs/text-reuse.md §10): the author's latest messages are read with their
// attributed segments and computed by AuthorPositionsBuilder, the code SqliteArchiveIndex uses.
public sealed partial class ElasticsearchArchiveIndex
{
    /// <inheritdoc />
    public AuthorPositions? GetAuthorPositions(string authorId, int maxMessages = 500)
    {
        BeforeRead();
        var limit = Math.Max(1, maxMessages);
        var query = R.Term("author_id", authorId);
        // SQLite: ORDER BY date_utc DESC, raw_id DESC (undated last, as a missing sort value is here).
        var sort = R.Sort(("date", "desc"), ("raw_id", "desc"));
        var hits = limit <= R.MaxWindow
            ? R.SearchPage(_client, ReadAlias(EsIndices.Messages), query, R.Source("raw_id"), sort, limit).OfType<JsonObject>().ToList()
            : _client.Scan(ReadAlias(EsIndices.Messages), query, sort, R.Source("raw_id")).Take(limit).ToList();
        if (hits.Count == 0)
        {
            return null;
        }

        var messages = ReadMessageViews(hits.Select(h => R.Long(R.SourceOf(h), "raw_id") ?? 0).ToList());

        // Authors of the parents, one lookup (SQLite asks per passage): the earliest copy in the list.
        var parents = new Dictionary<(string MessageId, string List), (long RawId, OriginAuthor Author)>();
        foreach (var byList in messages.Where(m => m.ParentId is not null).GroupBy(m => m.List, StringComparer.Ordinal))
        {
            var ids = byList.Select(m => m.ParentId!).Distinct().ToList();
            foreach (var hit in R.Lookup(_client, ReadAlias(EsIndices.Messages), ids, ps => R.Filter(R.Term("list", byList.Key), R.Terms("message_id", ps)),
                         R.Source("raw_id", "message_id", "from_name", "from_address")))
            {
                var s = R.SourceOf(hit);
                var key = (R.Str(s, "message_id") ?? "", byList.Key);
                var raw = R.Long(s, "raw_id") ?? 0;
                if (!parents.TryGetValue(key, out var had) || raw < had.RawId)
                {
                    parents[key] = (raw, new OriginAuthor(R.Str(s, "from_name"), R.Str(s, "from_address")));
                }
            }
        }

        return AuthorPositionsBuilder.Build(authorId, messages,
            (parent, list) => parents.TryGetValue((parent, list), out var p) ? p.Author : null, QuotedBy(authorId));
    }

    /// <summary>
    /// Who quoted the author (SqliteArchiveIndex.GetAuthorPositions' "quoted by" query): the attributions whose
    /// source is one of the author's messages, grouped by the quoting message's author (or address).
    /// </summary>
    private List<QuotedAuthor> QuotedBy(string authorId)
    {
        var own = R.All(_client, ReadAlias(EsIndices.Messages), R.Term("author_id", authorId), R.Source("raw_id"))
            .Select(h => R.Long(R.SourceOf(h), "raw_id") ?? 0).ToHashSet();
        var words = new Dictionary<long, long>();
        foreach (var hit in R.Lookup(_client, ReadAlias(EsIndices.Attributions), own, ks => R.Terms("sources", ks), R.Source("target", "data")))
        {
            var s = R.SourceOf(hit);
            var target = R.Long(s, "target") ?? 0;
            if (target <= 0)
            {
                continue;
            }

            var spans = ReadSpans(s).Where(a => own.Contains(a.Source)).ToList();
            if (spans.Count > 0)
            {
                words[target] = words.GetValueOrDefault(target) + spans.Sum(a => (long)a.Words);
            }
        }

        var rows = R.Lookup(_client, ReadAlias(EsIndices.Messages), words.Keys.ToList(), ks => R.Ids(ks), R.Source("raw_id", "from_name", "from_address", "author_id"), unique: true)
            .Select(R.SourceOf)
            .Select(s => (Target: R.Long(s, "raw_id") ?? 0, Name: R.Str(s, "from_name"), Address: R.Str(s, "from_address"), Author: R.Str(s, "author_id")))
            .ToList();
        // Bare columns of SQLite's GROUP BY come from the row of its one min() (min(from_address)).
        return rows.GroupBy(r => r.Author ?? r.Address)
            .Select(g =>
            {
                var first = g.OrderBy(r => r.Address is null).ThenBy(r => r.Address, StringComparer.Ordinal).ThenBy(r => r.Target).First();
                var minAddress = g.Select(r => r.Address).Where(a => a is not null).Order(StringComparer.Ordinal).FirstOrDefault();
                return (Row: new QuotedAuthor(first.Name, first.Address, null, g.Sum(r => words[r.Target]), g.Count()), MinAddress: minAddress);
            })
            .OrderByDescending(q => q.Row.Messages).ThenByDescending(q => q.Row.Words)
            .ThenBy(q => q.MinAddress is not null).ThenBy(q => q.MinAddress, StringComparer.Ordinal)
            .Select(q => q.Row)
            .ToList();
    }
}
