using ListArchive.Analysis.Identity;
using ListArchive.Analysis.Segments;
using ListArchive.Storage.Index;

namespace ListArchive.Ingest;

/// <summary>
/// Segments the bodies of a batch in parallel, with the list footers and author signatures the
/// index had learned when the run started (<see cref="TrailerPass"/> learns them at the end of a
/// run and re-segments what they change). Using only what was known at the start keeps a message's
/// segments a function of the archive, not of batch boundaries: an import killed and run again
/// ends exactly like one that was not.
/// </summary>
internal sealed class BodyAnalyzer(IReadOnlyDictionary<(string Kind, string Key), string> trailers)
{
    public const string FooterKind = "footer";
    public const string SignatureKind = "signature";

    public IndexedMessage[] Apply(IReadOnlyList<MappedMessage> batch, int parallelism)
    {
        var rows = new IndexedMessage[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            i => rows[i] = Segment(batch[i], trailers));
        return rows;
    }

    /// <summary>Segments one mapped message with the given trailers.</summary>
    public static IndexedMessage Segment(MappedMessage mapped, IReadOnlyDictionary<(string Kind, string Key), string> trailers)
    {
        var row = mapped.Row;
        var signature = SenderKey(row) is { } sender ? trailers.GetValueOrDefault((SignatureKind, sender)) : null;
        var context = new SegmenterContext
        {
            HtmlQuotes = mapped.HtmlQuotes.Count > 0 ? mapped.HtmlQuotes : null,
            ListFooter = trailers.GetValueOrDefault((FooterKind, row.List)),
            AuthorSignatures = signature is null ? null : [signature],
        };
        var body = Segmenter.Segment(row.BodyText, context);
        var segments = new List<TextSegment>(body.Segments.Count);
        foreach (var s in body.Segments)
        {
            segments.Add(new TextSegment(KindName(s.Kind), s.Start, s.Length)
            {
                Depth = s.Depth,
                AuthorName = s.Author?.Name,
                AuthorAddress = s.Author?.Address,
                Date = s.Date,
                CiteMessageId = s.CiteMessageId,
            });
        }

        return row with { Segments = segments, OwnText = body.OwnText, QuotedText = body.QuotedText };
    }

    /// <summary>
    /// The key a sender's signature is learned under: the author address as the index stores it
    /// (after undoing "X via List" rewriting), so the learning pass can query it back.
    /// </summary>
    public static string? SenderKey(IndexedMessage row) =>
        ViaRewrite.Resolve(new AuthorHeaders(row.From, row.ReplyTo, row.Cc, row.Sender, row.XOriginalFrom, row.ListAddress)).Address;

    public static string KindName(SegmentKind kind) => kind switch
    {
        SegmentKind.Own => "own",
        SegmentKind.Quote => "quote",
        SegmentKind.Attribution => "attribution",
        SegmentKind.Forward => "forward",
        SegmentKind.Signature => "signature",
        SegmentKind.Footer => "footer",
        SegmentKind.Boilerplate => "boilerplate",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
