using ListArchive.Analysis.Identity;
using ListArchive.Storage.Index;

namespace ListArchive.Storage.Tests.Support;

internal static class Messages
{
    public static IndexedMessage Make(
        long rawId,
        string messageId,
        string subject = "Hello",
        string body = "Some body text",
        string? fromName = "Alice Example",
        string? fromAddress = "alice@example.org",
        string list = "governance",
        DateTimeOffset? date = null,
        IReadOnlyList<MessageProblem>? problems = null,
        IReadOnlyList<string>? inReplyTo = null)
    {
        return new IndexedMessage
        {
            RawId = rawId,
            List = list,
            MessageId = messageId,
            Subject = subject,
            BodyText = body,
            From = new NamedAddress(fromName, fromAddress),
            Date = date ?? new DateTimeOffset(2021, 3, 5, 10, 0, 0, TimeSpan.FromHours(5.5)).AddMinutes(rawId),
            Problems = problems ?? [],
            InReplyTo = inReplyTo ?? [],
        };
    }
}
