using ListArchive.Analysis.Reuse;
using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Index;

// Read side of attribution (issue 6; docs/text-reuse.md §9): chains are resolved by AttributionChains
// (shared with the Elasticsearch index); this part reads what it needs from index.db.
public sealed partial class SqliteArchiveIndex
{
    /// <summary>The marker-based segments of a message refined by its attributions.</summary>
    private static IReadOnlyList<TextSegment> Attribute(SqliteConnection c, long rawId, string body, IReadOnlyList<TextSegment> segments) =>
        AttributionChains.Attribute(new ChainContext(c), rawId, body, segments);

    private static double? QuotedParentScore(SqliteConnection c, long rawId)
    {
        var rows = Query(c, "SELECT score FROM quote_parents WHERE raw_id = $raw", r => r.GetDouble(0), ("$raw", rawId));
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <summary>Caches what resolving one message's chains reads (sources, their attributions and word streams).</summary>
    private sealed class ChainContext(SqliteConnection c) : AttributionChains.IChainSource
    {
        private readonly Dictionary<long, AttributionChains.SourceInfo> _info = [];
        private readonly Dictionary<long, List<StoredAttribution>> _attributions = [];
        private readonly Dictionary<long, WordStream> _words = [];
        private readonly Dictionary<long, string> _texts = [];

        public void Put(long key, string text) => _texts[key] = text;

        public AttributionChains.SourceInfo Info(long key)
        {
            if (_info.TryGetValue(key, out var info))
            {
                return info;
            }

            if (key < 0)
            {
                var docs = Query(c, "SELECT id, author, text FROM documents WHERE doc_key = $k",
                    r => new AttributionChains.SourceInfo(null, r.GetString(0), new OriginAuthor(Str(r, 1), null), r.GetString(2)), ("$k", -key));
                info = docs.Count > 0 ? docs[0] : new AttributionChains.SourceInfo(null, "?", new OriginAuthor(null, null), "");
            }
            else
            {
                var rows = Query(c, "SELECT message_id, from_name, from_address, body FROM messages WHERE raw_id = $k",
                    r => new AttributionChains.SourceInfo(r.GetString(0), null, new OriginAuthor(Str(r, 1), Str(r, 2)), r.GetString(3)), ("$k", key));
                info = rows.Count > 0 ? rows[0] : new AttributionChains.SourceInfo("?", null, new OriginAuthor(null, null), "");
            }

            _info[key] = info;
            _texts.TryAdd(key, info.Text);
            return info;
        }

        public IReadOnlyList<StoredAttribution> Attributions(long key)
        {
            if (!_attributions.TryGetValue(key, out var list))
            {
                _attributions[key] = list = ReadAttributions(c, key);
            }

            return list;
        }

        public WordStream Words(long key)
        {
            if (!_words.TryGetValue(key, out var words))
            {
                if (!_texts.TryGetValue(key, out var text))
                {
                    text = Info(key).Text;
                }

                _words[key] = words = WordStream.Create(text);
            }

            return words;
        }
    }
}
