using ListArchive.Analysis.Identity;
using ListArchive.Storage.Index;

namespace ListArchive.Storage.Tests.Conformance;

/// <summary>
/// Message builders of the conformance suite. Kept inside Conformance/ (not Support/) because the
/// suite is linked into tests/ListArchive.Elasticsearch.Tests, which has no other Storage test helper.
/// </summary>
internal static class ConformanceMessages
{
    /// <summary>A fixed day with a non-UTC offset, so offsets and UTC months are both exercised.</summary>
    public static readonly DateTimeOffset Day = new(2021, 3, 5, 9, 0, 0, TimeSpan.FromHours(5.5));

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
        IReadOnlyList<string>? inReplyTo = null,
        IReadOnlyList<string>? references = null,
        string? ownText = null,
        string quotedText = "",
        IReadOnlyList<TextSegment>? segments = null,
        string trailerKey = "")
    {
        return new IndexedMessage
        {
            RawId = rawId,
            List = list,
            MessageId = messageId,
            Subject = subject,
            BodyText = body,
            From = new NamedAddress(fromName, fromAddress),
            Date = date ?? Day.AddMinutes(rawId),
            Problems = problems ?? [],
            InReplyTo = inReplyTo ?? [],
            References = references ?? [],
            OwnText = ownText,
            QuotedText = quotedText,
            Segments = segments,
            TrailerKey = trailerKey,
        };
    }

    /// <summary>Every message its own one-message thread (thread id = Message-ID without brackets).</summary>
    public static IEnumerable<ThreadAssignment> Singletons(IEnumerable<IndexedMessage> messages)
    {
        foreach (var m in messages)
        {
            var id = m.MessageId.Trim('<', '>');
            yield return new ThreadAssignment(id, id, null, 0, 0, null);
        }
    }
}
