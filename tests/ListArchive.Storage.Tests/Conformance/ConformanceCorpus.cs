using ListArchive.Analysis.Identity;
using ListArchive.Analysis.Segments;
using ListArchive.Analysis.Subjects;
using ListArchive.Mail.Mime;
using ListArchive.Storage.Index;
using ListArchive.Testing;

namespace ListArchive.Storage.Tests.Conformance;

/// <summary>
/// Real text for the conformance suite: the first messages of ksummit-discuss-maildir (raw RFC 5322 mail of a
/// community arguing about its governance; threads, quotes, signatures) mapped to <see cref="IndexedMessage"/>
/// the way the import does (src/ListArchive.Ingest/MessageMapper.cs and BodyAnalyzer.cs, which the
/// Elasticsearch test project cannot reach; link unwrapping and trailer learning left out), and the
/// Governance seed texts of ../shared/seeds. Read in place, never copied into the repository.
/// </summary>
internal static class ConformanceCorpus
{
    public const string Corpus = "corpora/ksummit-discuss-maildir";
    public const string Seeds = "seeds";
    public const string List = "ksummit-discuss";

    /// <summary>How many messages the corpus group indexes (the first ones by file name: July 2019).</summary>
    public const int Count = 40;

    private static readonly Lazy<IReadOnlyList<IndexedMessage>> Loaded = new(Load);

    public static string Shared(string folder) => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", folder));

    public static IReadOnlyList<IndexedMessage> Messages => Loaded.Value;

    /// <summary>The Governance seed texts, by file name.</summary>
    public static IReadOnlyList<(string Name, string Text)> SeedTexts() =>
        Directory.GetFiles(Shared(Seeds), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).ToList();

    private static List<IndexedMessage> Load()
    {
        var files = Directory.GetFiles(Path.Combine(Shared(Corpus), "new")).Order(StringComparer.Ordinal).Take(Count).ToList();
        var messages = new List<IndexedMessage>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var raw = File.ReadAllBytes(files[i]);
            var m = MimeMessage.Parse(raw);
            var body = m.GetBody();
            var segmented = Segmenter.Segment(body.Text, new SegmenterContext { HtmlQuotes = body.Quotes.Count > 0 ? body.Quotes : null });
            var segments = segmented.Segments.Select(s => new TextSegment(KindName(s.Kind), s.Start, s.Length)
            {
                Depth = s.Depth,
                AuthorName = s.Author?.Name,
                AuthorAddress = s.Author?.Address,
                Date = s.Date,
                CiteMessageId = s.CiteMessageId,
            }).ToList();
            var from = m.From.Count > 0 ? m.From[0] : null;
            messages.Add(new IndexedMessage
            {
                RawId = i + 1,
                List = List,
                // Every message of this corpus has a Message-ID; the file name keeps a broken one unique.
                MessageId = m.MessageId ?? $"{Path.GetFileName(files[i])}@conformance.invalid",
                Subject = m.Subject,
                NormalizedSubject = SubjectNormalizer.Normalize(m.Subject),
                From = from is null ? new NamedAddress(null, null) : new NamedAddress(from.Name, from.Address),
                ReplyTo = m.ReplyTo.Select(a => new NamedAddress(a.Name, a.Address)).ToList(),
                Cc = m.Cc.Select(a => new NamedAddress(a.Name, a.Address)).ToList(),
                Date = m.Date,
                InReplyTo = m.InReplyTo,
                References = m.References,
                BodyText = body.Text,
                HtmlQuotes = body.Quotes,
                Segments = segments,
                OwnText = OwnText(body.Text, segments),
                QuotedText = segmented.QuotedText,
                Attachments = body.Attachments.Select(a => new ListArchive.Storage.Index.AttachmentInfo(a.FileName, a.ContentType, a.Size, a.Url)).ToList(),
                Problems = m.Diagnostics.Concat(body.Diagnostics).Select(d => new MessageProblem(d.Code, d.Offset, d.Message)).ToList(),
            });
        }

        return messages;
    }

    /// <summary>Own and signature segments joined (what the import searches as own text).</summary>
    private static string OwnText(string body, List<TextSegment> segments)
    {
        var sb = new System.Text.StringBuilder();
        var end = -1;
        foreach (var s in segments.Where(s => s.Kind is "own" or "signature" && s.Length > 0))
        {
            if (sb.Length > 0 && s.Start != end)
            {
                sb.Append('\n');
            }

            sb.Append(body, s.Start, s.Length);
            end = s.Start + s.Length;
        }

        return sb.ToString();
    }

    private static string KindName(SegmentKind kind) => kind.ToString().ToLowerInvariant();
}
