using ListArchive.Storage.Index;
using ListArchive.Storage.Search;

namespace ListArchive.Elasticsearch.Index;

public sealed partial class ElasticsearchArchiveIndex
{
    public IReadOnlyList<MonthCount> GetActivity(string? list) => throw new NotImplementedException();

    public IReadOnlyDictionary<string, IReadOnlyList<MonthCount>> GetActivityByList() => throw new NotImplementedException();

    public IReadOnlyList<MessageView> GetRecentMessages(string list, int limit) => throw new NotImplementedException();

    public IReadOnlyList<MonthCount> GetAuthorActivity(string authorId) => throw new NotImplementedException();

    public IReadOnlyList<ThreadSummary> GetAuthorThreads(string authorId, int limit) => throw new NotImplementedException();

    public IReadOnlyList<PersonCount> GetAuthorRepliesTo(string authorId, int limit) => throw new NotImplementedException();

    public IReadOnlyList<PersonCount> GetAuthorRepliedBy(string authorId, int limit) => throw new NotImplementedException();

    public IReadOnlyList<PersonCount> GetAuthorQuotedBy(string authorId, int limit) => throw new NotImplementedException();

    public IReadOnlyList<MessageSegments> GetMessageSegments(IReadOnlyCollection<long> rawIds) => throw new NotImplementedException();
}
