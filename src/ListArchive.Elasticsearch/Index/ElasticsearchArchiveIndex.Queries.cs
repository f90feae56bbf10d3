using ListArchive.Storage.Index;
using ListArchive.Storage.Search;

namespace ListArchive.Elasticsearch.Index;

public sealed partial class ElasticsearchArchiveIndex
{
    public IReadOnlyList<ListSummary> GetLists() => throw new NotImplementedException();

    public Page<ThreadSummary> GetThreads(string list, int offset, int limit) => throw new NotImplementedException();

    public ThreadView? GetThread(string list, string threadId) => throw new NotImplementedException();

    public MessageView? GetMessage(string messageId, string? list = null) => throw new NotImplementedException();

    public IReadOnlyList<MessageSummary> GetMonth(string list, int year, int month, MonthOrder order) => throw new NotImplementedException();

    public AuthorView? GetAuthor(string authorId) => throw new NotImplementedException();

    public Page<MessageSummary> GetAuthorMessages(string authorId, int offset, int limit) => throw new NotImplementedException();

    public ArchiveStats GetStats() => throw new NotImplementedException();
}
