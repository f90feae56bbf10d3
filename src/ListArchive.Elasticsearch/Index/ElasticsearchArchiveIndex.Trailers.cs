using ListArchive.Storage.Index;
using ListArchive.Storage.Search;

namespace ListArchive.Elasticsearch.Index;

public sealed partial class ElasticsearchArchiveIndex
{
    public IReadOnlyDictionary<(string Kind, string Key), string> GetTrailers() => throw new NotImplementedException();

    public void SaveTrailers(IReadOnlyDictionary<(string Kind, string Key), string?> trailers, long learnedUpTo) => throw new NotImplementedException();

    public long TrailersLearnedUpTo => throw new NotImplementedException();

    public (IReadOnlyDictionary<string, List<string>> Lists, IReadOnlyDictionary<string, List<string>> Senders) GetRecentBodies(long after, int perList, int perSender) => throw new NotImplementedException();

    public IEnumerable<StoredTrailerKey> GetTrailerKeys(IReadOnlyCollection<string> lists, IReadOnlyCollection<string> senders) => throw new NotImplementedException();

    public IReadOnlyList<StoredBody> GetBodies(IReadOnlyCollection<long> rawIds) => throw new NotImplementedException();

    public void UpdateSegmentation(IReadOnlyList<SegmentationUpdate> updates) => throw new NotImplementedException();

    public void UpdateTrailerKeys(IReadOnlyList<(long RawId, string TrailerKey)> keys) => throw new NotImplementedException();

    public IEnumerable<(string MessageId, string Field, string Text)> EnumerateDerivedText() => throw new NotImplementedException();
}
