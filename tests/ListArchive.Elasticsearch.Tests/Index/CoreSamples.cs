using ListArchive.Analysis.Identity;
using ListArchive.Storage.Index;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// Hand-made messages that reach the corners of the index port: author merges across batches (so
/// stored messages change author), name-only senders, missing dates, a month boundary crossed by the
/// offset, conflicting Message-IDs, duplicate problems, links, attachments, quotes attributed to
/// other authors, highlight markers in the text, and a re-indexed message.
/// </summary>
internal static class CoreSamples
{
    public static readonly DateTimeOffset March = new(2021, 3, 5, 9, 0, 0, TimeSpan.FromHours(5.5));

    public static IndexedMessage Make(long rawId, string messageId, string list = "alpha", string subject = "Hello", string body = "Some body text",
        string? name = "Alice Example", string? address = "alice@example.org", DateTimeOffset? date = null, bool noDate = false,
        IReadOnlyList<string>? inReplyTo = null, IReadOnlyList<TextSegment>? segments = null, string? own = null, string quoted = "",
        IReadOnlyList<MessageProblem>? problems = null, IReadOnlyList<MessageLink>? links = null, IReadOnlyList<AttachmentInfo>? attachments = null) => new()
    {
        RawId = rawId,
        List = list,
        MessageId = messageId,
        Subject = subject,
        BodyText = body,
        From = new NamedAddress(name, address),
        Date = noDate ? null : date ?? March.AddHours(rawId * 7),
        InReplyTo = inReplyTo ?? [],
        References = inReplyTo ?? [],
        Segments = segments,
        OwnText = own,
        QuotedText = quoted,
        Problems = problems ?? [],
        Links = links ?? [],
        Attachments = attachments ?? [],
        TrailerKey = rawId % 3 == 0 ? "f:1" : "",
    };

    /// <summary>The first batch.</summary>
    public static List<IndexedMessage> First()
    {
        const string quoteBody = "Jane wrote:\n> the manifesto is ready\nI agree with the manifesto.";
        return
        [
            Make(1, "<a1@x>", subject: "Open letter on the manifesto", body: "We publish the manifesto today.", name: "Jane Q Public", address: "jane@b.org",
                problems: [new MessageProblem("bad-date", 10, "x"), new MessageProblem("bad-date", 10, "x"), new MessageProblem("bad-charset", -1, "y"), new MessageProblem("bad-date", 20, "z")],
                links: [new MessageLink("https://example.org/doc", ["safelinks"], false, "example.org", 3, 10)],
                attachments: [new AttachmentInfo("a.pdf", "application/pdf", 1234, "https://example.org/a.pdf"), new AttachmentInfo(null, "text/plain", null, null)]),
            Make(2, "<a2@x>", subject: "Re: Open letter on the manifesto", body: quoteBody, name: "Bob Builder", address: "bob@example.net", inReplyTo: ["<a1@x>"],
                segments:
                [
                    new TextSegment("attribution", 0, 11) { AuthorName = "Jane Q Public via Alpha" },
                    new TextSegment("quote", 12, 24) { Depth = 1, AuthorName = "Jane Q Public", AuthorAddress = "JANE@b.org" },
                    new TextSegment("own", 37, quoteBody.Length - 37),
                ],
                own: "I agree with the manifesto.", quoted: "the manifesto is ready"),
            Make(3, "<a3@x>", subject: "Re: Open letter on the manifesto", body: "Thanks \uE000Bob\uE001, summit next week.", name: "Carol", address: null,
                inReplyTo: ["<a2@x>"]),
            Make(4, "<a4@x>", subject: "Budget for the digital summit", body: "The digital summit budget is attached.", name: "Bob Builder",
                address: "bob@example.net", date: new DateTimeOffset(2021, 3, 31, 23, 30, 0, TimeSpan.FromHours(-5))),
            Make(5, "<a5@x>", subject: "No date here", body: "Undated text about hotels.", name: null, address: "nodate@example.com", noDate: true),
            Make(6, "<dup@x>", subject: "Copy one", body: "first copy of the duplicate"),
            Make(7, "<b1@x>", list: "beta", subject: "Beta kickoff", body: "Beta list starts; manifesto draft attached.", name: "Jane Q Public",
                address: "jane@b.org", date: new DateTimeOffset(2021, 4, 2, 8, 0, 0, TimeSpan.Zero)),
            Make(8, "<b2@x>", list: "beta", subject: "Re: Beta kickoff", body: "> Beta list starts\nGreat, count me in.", name: "Dave",
                address: "dave@example.com", inReplyTo: ["<b1@x>"], own: "Great, count me in.", quoted: "Beta list starts",
                segments: [new TextSegment("quote", 0, 18) { Depth = 1, AuthorAddress = "jane@b.org", Date = March }, new TextSegment("own", 19, 19)]),
        ];
    }

    /// <summary>The second batch: merges Jane's addresses (her stored messages change author), a conflicting copy, a re-indexed message.</summary>
    public static List<IndexedMessage> Second() =>
    [
        Make(9, "<a9@x>", subject: "Re: Budget for the digital summit", body: "Hotel options for the summit.", name: "Jane Q Public", address: "jane@a.org",
            inReplyTo: ["<a4@x>"], date: new DateTimeOffset(2021, 4, 3, 12, 0, 0, TimeSpan.FromHours(2))),
        Make(10, "<dup@x>", subject: "Copy two", body: "second copy of the duplicate", name: "Eve", address: "eve@example.com"),
        Make(11, "<dup@x>", list: "beta", subject: "Same id, other list", body: "not a conflict", name: "Eve", address: "eve@example.com"),
        Make(3, "<a3@x>", subject: "Re: Open letter on the manifesto (edited)", body: "Thanks Bob, summit next week. Edited.", name: "Carol", address: null,
            inReplyTo: ["<a2@x>"]),
        Make(12, "<a12@x>", subject: "Re: Re: Open letter", body: "Replying to Carol about the manifesto.", name: "Bob Builder", address: "bob@example.net",
            inReplyTo: ["<a3@x>"]),
    ];
}
