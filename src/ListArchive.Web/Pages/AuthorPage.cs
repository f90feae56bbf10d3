using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>What an author page shows, gathered in one read.</summary>
internal sealed record AuthorData(
    AuthorView Author,
    IReadOnlyList<MonthCount> Activity,
    IReadOnlyList<ThreadSummary> Threads,
    IReadOnlyList<PersonCount> RepliesTo,
    IReadOnlyList<PersonCount> RepliedBy,
    IReadOnlyList<PersonCount> QuotedBy,
    Page<MessageSummary> Messages)
{
    public const int ThreadLimit = 50;
    public const int PeopleLimit = 10;
    public const int MessageLimit = 30;

    public static AuthorData? Read(IArchiveIndex index, string authorId, int page)
    {
        var author = index.GetAuthor(authorId);
        return author is null ? null : new AuthorData(author, index.GetAuthorActivity(authorId), index.GetAuthorThreads(authorId, ThreadLimit),
            index.GetAuthorRepliesTo(authorId, PeopleLimit), index.GetAuthorRepliedBy(authorId, PeopleLimit), index.GetAuthorQuotedBy(authorId, PeopleLimit),
            index.GetAuthorMessages(authorId, (page - 1) * MessageLimit, MessageLimit));
    }
}
