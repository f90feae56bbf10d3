using ListArchive.Analysis.Reuse;
using ListArchive.Storage.Index;

namespace ListArchive.Elasticsearch.Index;

/// <summary>
/// What resolving attribution chains reads (SqliteArchiveIndex's ChainContext), fetched in batches: the
/// attributions of the messages read, then level by level the sources their spans name and those sources'
/// attributions, so a page of messages costs a few requests a chain level instead of a few a message.
/// Anything not prefetched is loaded on demand.
/// </summary>
internal sealed class EsChainContext(
    Func<IReadOnlyCollection<long>, Dictionary<long, IReadOnlyList<StoredAttribution>>> loadAttributions,
    Func<IReadOnlyCollection<long>, Dictionary<long, AttributionChains.SourceInfo>> loadInfo) : AttributionChains.IChainSource
{
    private readonly Dictionary<long, AttributionChains.SourceInfo> _info = [];
    private readonly Dictionary<long, IReadOnlyList<StoredAttribution>> _attributions = [];
    private readonly Dictionary<long, WordStream> _words = [];
    private readonly Dictionary<long, string> _texts = [];

    /// <summary>Fetches the attributions of <paramref name="targets"/> and, per chain level, the sources they reach.</summary>
    public void Prefetch(IReadOnlyCollection<long> targets)
    {
        foreach (var (k, v) in loadAttributions(targets))
        {
            _attributions[k] = v;
        }

        // Ranges of sources the spans use: only attributions overlapping them are followed (as Resolve does).
        var level = targets.SelectMany(t => _attributions[t]).Select(a => (a.Source, a.SourceStart, a.SourceEnd)).ToList();
        for (var depth = 0; depth <= AttributionChains.MaxChain && level.Count > 0; depth++)
        {
            var keys = level.Select(l => l.Source).Distinct().ToList();
            var missingInfo = keys.Where(k => !_info.ContainsKey(k)).ToList();
            if (missingInfo.Count > 0)
            {
                foreach (var (k, v) in loadInfo(missingInfo))
                {
                    _info[k] = v;
                    _texts.TryAdd(k, v.Text);
                }
            }

            if (depth == AttributionChains.MaxChain)
            {
                break;
            }

            var missing = keys.Where(k => !_attributions.ContainsKey(k)).ToList();
            if (missing.Count > 0)
            {
                foreach (var (k, v) in loadAttributions(missing))
                {
                    _attributions[k] = v;
                }
            }

            level = level
                .SelectMany(l => _attributions[l.Source].Where(b => b.Start < l.SourceEnd && b.Start + b.Length > l.SourceStart))
                .Select(b => (b.Source, b.SourceStart, b.SourceEnd)).Distinct().ToList();
        }
    }

    public void Put(long key, string text) => _texts[key] = text;

    public AttributionChains.SourceInfo Info(long key)
    {
        if (!_info.TryGetValue(key, out var info))
        {
            _info[key] = info = loadInfo([key])[key];
            _texts.TryAdd(key, info.Text);
        }

        return info;
    }

    public IReadOnlyList<StoredAttribution> Attributions(long key)
    {
        if (!_attributions.TryGetValue(key, out var list))
        {
            _attributions[key] = list = loadAttributions([key]).GetValueOrDefault(key) ?? [];
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
