using ListArchive.Analysis.Identity;
using ListArchive.Analysis.Segments;
using ListArchive.Mail.Html;
using ListArchive.Storage.Index;

namespace ListArchive.Ingest;

/// <summary>
/// Segments bodies with the list footers and author signatures the index had learned when the run
/// started (<see cref="TrailerPass"/> learns them at the end of a run and re-segments what they
/// change). Using only what was known at the start keeps a message's segments a function of the
/// archive, not of batch boundaries: an import killed and run again ends exactly like one that was
/// not.
/// </summary>
internal sealed class BodyAnalyzer(IReadOnlyDictionary<(string Kind, string Key), string> trailers)
{
    public const string FooterKind = "footer";
    public const string SignatureKind = "signature";

    /// <summary>The row with its segments, own and quoted text; thread-safe.</summary>
    public IndexedMessage Analyze(IndexedMessage row)
    {
        var s = Segment(row.BodyText, row.HtmlQuotes, row.List, SenderKey(row), trailers);
        return row with { Segments = s.Segments, OwnText = s.OwnText, QuotedText = s.QuotedText };
    }

    /// <summary>Segments one body with the trailers of its list and sender.</summary>
    public static SegmentationUpdate Segment(
        string body, IReadOnlyList<QuoteRange> htmlQuotes, string list, string? sender,
        IReadOnlyDictionary<(string Kind, string Key), string> trailers, long rawId = 0)
    {
        var signature = sender is null ? null : trailers.GetValueOrDefault((SignatureKind, sender));
        var context = new SegmenterContext
        {
            HtmlQuotes = htmlQuotes.Count > 0 ? htmlQuotes : null,
            ListFooter = trailers.GetValueOrDefault((FooterKind, list)),
            AuthorSignatures = signature is null ? null : [signature],
        };
        var result = Segmenter.Segment(body, context);
        var segments = new List<TextSegment>(result.Segments.Count);
        foreach (var s in result.Segments)
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

        return new SegmentationUpdate(rawId, segments, result.OwnText, result.QuotedText);
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
