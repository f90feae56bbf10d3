using System.Diagnostics.CodeAnalysis;

namespace ListArchive.Mail.Mime;

/// <summary>
/// An RFC 5322 message with its MIME structure, over the original bytes. Parsing never throws: problems
/// become <see cref="Diagnostics"/>. Header fields and body are decoded lazily and cached; the object is
/// not thread-safe while those caches fill.
/// </summary>
public sealed class MimeMessage
{
    private readonly byte[] buffer;
    private readonly List<MailDiagnostic> diagnostics;
    private readonly int depth;
    private bool fieldsDecoded;
    private string? subject;
    private bool subjectDone;
    private IReadOnlyList<MailAddress>? from, to, cc, replyTo;
    private MailAddress? sender;
    private bool senderDone;
    private DateTimeOffset? date;
    private bool dateDone;
    private string? messageId;
    private bool messageIdDone;
    private IReadOnlyList<string>? inReplyTo, references;
    private string? listId, listPost;
    private bool listDone;
    private MessageBody? body;

    internal MimeMessage(byte[] buffer, int offset, int end, MimeEntity root, List<MailDiagnostic> diagnostics, int depth)
    {
        this.buffer = buffer;
        Offset = offset;
        Length = end - offset;
        Body = root;
        this.diagnostics = diagnostics;
        this.depth = depth;
    }

    /// <summary>Parses a message. Never throws; an empty or headerless input gives an empty message with diagnostics.</summary>
    public static MimeMessage Parse(byte[] bytes, MimeParserOptions? options = null) =>
        ParseCore(bytes ?? [], 0, bytes?.Length ?? 0, options);

    /// <summary>Parses <paramref name="length"/> bytes at <paramref name="offset"/> of a larger buffer (no copy; offsets stay buffer-relative).</summary>
    public static MimeMessage Parse(byte[] bytes, int offset, int length, MimeParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, bytes.Length - offset);
        return ParseCore(bytes, offset, offset + length, options);
    }

    /// <summary>
    /// Parses like <see cref="Parse(byte[], MimeParserOptions?)"/>; returns false when the input holds no
    /// header field at all (not recognisably a message). The message is still returned then.
    /// </summary>
    public static bool TryParse(byte[] bytes, [NotNullWhen(true)] out MimeMessage? message, MimeParserOptions? options = null)
    {
        message = Parse(bytes, options);
        if (message.Headers.Count > 0) return true;
        message = null;
        return false;
    }

    private static MimeMessage ParseCore(byte[] bytes, int start, int end, MimeParserOptions? options)
    {
        var diagnostics = new List<MailDiagnostic>();
        var parser = new MimeParser(bytes, options ?? MimeParserOptions.Default, diagnostics);
        var message = parser.ParseMessage(start, end, 0);
        if (message.Headers.Count == 0) diagnostics.Add(new("message-no-headers", start, "no header fields found"));
        return message;
    }

    /// <summary>The top-level header fields (the root entity's).</summary>
    public HeaderList Headers => Body.Headers;

    /// <summary>The root entity.</summary>
    public MimeEntity Body { get; }

    /// <summary>Offset of the message in the buffer (non-zero for encapsulated messages).</summary>
    public int Offset { get; }

    public int Length { get; }

    /// <summary>The raw bytes of this message.</summary>
    public ReadOnlyMemory<byte> RawBytes => buffer.AsMemory(Offset, Length);

    /// <summary>
    /// Structure diagnostics, plus those from decoding the convenience fields below (decoded on first
    /// read of this property, so the list is complete for headers). Body diagnostics are on
    /// <see cref="MessageBody.Diagnostics"/>. Encapsulated messages share their parent's list.
    /// </summary>
    public IReadOnlyList<MailDiagnostic> Diagnostics
    {
        get
        {
            if (!fieldsDecoded)
            {
                fieldsDecoded = true;
                _ = Subject; _ = From; _ = To; _ = Cc; _ = ReplyTo; _ = Sender; _ = Date; _ = MessageId; _ = InReplyTo; _ = References; _ = ListId;
            }
            return diagnostics;
        }
    }

    /// <summary>Subject, unfolded, RFC 2047 decoded, whitespace collapsed.</summary>
    public string? Subject
    {
        get
        {
            if (!subjectDone)
            {
                subjectDone = true;
                if (Headers.GetFirst("Subject") is { } h) subject = HeaderText.CollapseWhitespace(DecodeWords(h.Value, h.Offset));
            }
            return subject;
        }
    }

    public IReadOnlyList<MailAddress> From => from ??= Addresses("From");
    public IReadOnlyList<MailAddress> To => to ??= Addresses("To");
    public IReadOnlyList<MailAddress> Cc => cc ??= Addresses("Cc");
    public IReadOnlyList<MailAddress> ReplyTo => replyTo ??= Addresses("Reply-To");

    public MailAddress? Sender
    {
        get
        {
            if (!senderDone)
            {
                senderDone = true;
                sender = Addresses("Sender") is { Count: > 0 } list ? list[0] : null;
            }
            return sender;
        }
    }

    /// <summary>The Date field; null (with a <c>date-invalid</c> diagnostic) when absent or unreadable.</summary>
    public DateTimeOffset? Date
    {
        get
        {
            if (!dateDone)
            {
                dateDone = true;
                if (Headers.GetFirst("Date") is { } h)
                {
                    date = DateParser.Parse(h.Value, out var problem);
                    if (problem is not null) diagnostics.Add(new(problem, h.Offset, "Date: " + Clip(h.Value)));
                }
            }
            return date;
        }
    }

    /// <summary>
    /// The best available date: <see cref="Date"/>, else the first readable Resent-Date, else the date of
    /// the mbox From_ line (<paramref name="envelopeLine"/>, e.g. <see cref="RawMessage.EnvelopeLine"/>, or
    /// one left at the start of the bytes). HyperKitty's fixtures resent-date.txt and unixfrom-date.txt
    /// are messages without a Date field that archives must still place in time.
    /// </summary>
    public DateTimeOffset? GetBestDate(string? envelopeLine = null)
    {
        if (Date is { } d) return d;
        foreach (var h in Headers.GetAll("Resent-Date"))
            if (DateParser.Parse(h.Value) is { } r) return r;
        if (envelopeLine is null && RawBytes.Span.StartsWith("From "u8))
        {
            var span = RawBytes.Span;
            int nl = span.IndexOf((byte)'\n');
            envelopeLine = System.Text.Encoding.Latin1.GetString(nl < 0 ? span : span[..nl]).TrimEnd('\r');
        }
        return envelopeLine is null ? null : ParseEnvelopeDate(envelopeLine);
    }

    /// <summary>Date of a From_ line: <c>From sender  Www Mmm dd hh:mm:ss yyyy</c> (asctime, no zone: read as UTC).</summary>
    internal static DateTimeOffset? ParseEnvelopeDate(string line)
    {
        var rest = line.AsSpan();
        if (rest.StartsWith("From ")) rest = rest[5..];
        // Skip the sender ("user at host" in pipermail, "user@host" elsewhere): the date starts at the weekday.
        int twoSpaces = rest.IndexOf("  ");
        var date = twoSpaces >= 0 ? rest[(twoSpaces + 2)..] : rest;
        return DateParser.Parse(date.ToString());
    }

    /// <summary>Message-ID without angle brackets.</summary>
    public string? MessageId
    {
        get
        {
            if (!messageIdDone)
            {
                messageIdDone = true;
                if (Headers.GetFirst("Message-ID") is { } h)
                {
                    messageId = MessageIdParser.ParseSingle(h.Value);
                    if (messageId is null) diagnostics.Add(new("message-id-invalid", h.Offset, "Message-ID: " + Clip(h.Value)));
                }
            }
            return messageId;
        }
    }

    public IReadOnlyList<string> InReplyTo => inReplyTo ??= Ids("In-Reply-To");
    public IReadOnlyList<string> References => references ??= Ids("References");

    /// <summary>The List-Id (RFC 2919) identifier without brackets, e.g. <c>ksummit-discuss.lists.linuxfoundation.org</c>.</summary>
    public string? ListId
    {
        get
        {
            DecodeList();
            return listId;
        }
    }

    /// <summary>The List-Post (RFC 2369) URL without brackets, e.g. <c>mailto:list@example.org</c>.</summary>
    public string? ListPost
    {
        get
        {
            DecodeList();
            return listPost;
        }
    }

    /// <summary>The best text of the message and its attachments (decoded once, cached).</summary>
    public MessageBody GetBody() => body ??= BodyExtractor.Extract(this);

    private void DecodeList()
    {
        if (listDone) return;
        listDone = true;
        if (Headers["List-Id"] is { } id)
        {
            int lt = id.LastIndexOf('<');
            int gt = lt >= 0 ? id.IndexOf('>', lt) : -1;
            listId = lt >= 0 ? (gt > lt ? id[(lt + 1)..gt] : id[(lt + 1)..]).Trim() : id.Trim();
        }
        if (Headers["List-Post"] is { } post)
        {
            int lt = post.IndexOf('<');
            int gt = lt >= 0 ? post.IndexOf('>', lt) : -1;
            listPost = lt >= 0 && gt > lt ? post[(lt + 1)..gt].Trim() : post.Trim();
            if (listPost.Length == 0 || listPost.Equals("NO", StringComparison.OrdinalIgnoreCase)) listPost = null;
        }
    }

    /// <summary>
    /// All fields of that name, joined: RFC 5322 allows one To/Cc, but senders repeat them
    /// (notmuch-corpora broken/broken-cc has "Cc:" and "cc:"), and every recipient counts.
    /// </summary>
    private IReadOnlyList<MailAddress> Addresses(string name)
    {
        List<MailAddress>? all = null;
        foreach (var h in Headers.GetAll(name))
        {
            var problems = new List<string>();
            var list = AddressParser.Parse(h.Value, problems);
            foreach (var p in problems.Distinct()) diagnostics.Add(new(p, h.Offset, name + ": " + Clip(h.Value)));
            if (all is null) all = list;
            else all.AddRange(list);
        }
        return all ?? (IReadOnlyList<MailAddress>)[];
    }

    private IReadOnlyList<string> Ids(string name)
    {
        var h = Headers.GetFirst(name);
        return h is null ? [] : MessageIdParser.ParseList(h.Value);
    }

    private string DecodeWords(string value, long offset)
    {
        if (!value.Contains("=?", StringComparison.Ordinal)) return value;
        var problems = new List<string>();
        var s = EncodedWords.Decode(value, problems);
        // bulmages-main-pipermail has subjects encoded twice (Mailman re-encoded an encoded subject:
        // "=?iso-8859-1?q?=3D=3Fiso-8859-1=3Fq=3F…"); up to two more passes give the text a reader expects.
        for (int pass = 0; pass < 2 && s.Contains("=?", StringComparison.Ordinal) && s != value; pass++)
        {
            value = s;
            s = EncodedWords.Decode(s, problems);
        }
        foreach (var p in problems.Distinct()) diagnostics.Add(new(p, offset, "encoded word: " + Clip(value)));
        return s;
    }

    internal int Depth => depth;

    private static string Clip(string s) => s.Length <= 80 ? s : s[..80] + "…";

    public override string ToString() => $"{MessageId ?? "(no id)"}: {Subject}";
}
