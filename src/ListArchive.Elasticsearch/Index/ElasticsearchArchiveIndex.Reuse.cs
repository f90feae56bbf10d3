using ListArchive.Storage.Index;
using ListArchive.Storage.Search;

namespace ListArchive.Elasticsearch.Index;

public sealed partial class ElasticsearchArchiveIndex
{
    public long ReuseUpTo => throw new NotImplementedException();

    public IReadOnlyList<long> GetRawIdsAfter(long after) => throw new NotImplementedException();

    public IReadOnlyList<long> GetReuseDirty() => throw new NotImplementedException();

    public void CompleteReusePass(long upTo) => throw new NotImplementedException();

    public IReadOnlyList<ReuseSource> GetReuseSources(IReadOnlyCollection<long> keys, bool withText) => throw new NotImplementedException();

    public IReadOnlySet<long> ReplaceFingerprints(IReadOnlyList<SourceFingerprints> sources, int maxSourcesPerFingerprint, bool findAffected) => throw new NotImplementedException();

    public FingerprintLookup LookupFingerprints(IReadOnlyCollection<ulong> hashes, int maxSourcesPerFingerprint) => throw new NotImplementedException();

    public IReadOnlyDictionary<ulong, long[]> GetFingerprintHolders(IReadOnlyCollection<ulong> hashes, int maxSourcesPerFingerprint) => throw new NotImplementedException();

    public IReadOnlyDictionary<string, long> FindMessages(string list, IReadOnlyCollection<string> messageIds) => throw new NotImplementedException();

    public IReadOnlySet<long> GetThreadMates(IReadOnlyCollection<long> rawIds) => throw new NotImplementedException();

    public IReadOnlyCollection<string> SaveAttributions(IReadOnlyList<AttributionResult> results) => throw new NotImplementedException();

    public long AddDocument(ReferenceDocument document) => throw new NotImplementedException();

    public IReadOnlyList<ReferenceDocument> GetDocuments(bool withText = false) => throw new NotImplementedException();

    public DocumentView? GetDocument(string documentId) => throw new NotImplementedException();

    public IReadOnlyList<StoredAttribution> GetAttributions(long target) => throw new NotImplementedException();

    public (long Sources, long OwnPostings, long QuotePostings, long? Bytes) GetFingerprintStats() => throw new NotImplementedException();
}
