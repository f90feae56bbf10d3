using ListArchive.Analysis.Identity;
using ListArchive.Analysis.Segments;
using ListArchive.Mail.Html;
using ListArchive.Storage.Index;

namespace ListArchive.Ingest;

/// <summary>
/// Segments the bodies of an import, batch by batch. List footers and sender signatures are learned
/// as the run goes (in input order, from the latest messages of each list and sender) so most messages
/// are segmented right the first time; what the index learned before the run stands in until a key
/// has enough samples. These trailers are provisional: <see cref="TrailerPass"/> learns the final
/// ones at the end of the run, as a function of the archive, and re-segments exactly the messages
/// whose <see cref="IndexedMessage.TrailerKey"/> differs from the final trailers' — so an import
/// killed and run again ends like one that was not, whatever the batch boundaries.
/// </summary>
internal sealed class BodyAnalyzer(IReadOnlyDictionary<(string Kind, string Key), string> known)
{
    public const string FooterKind = "footer";
    public const string SignatureKind = "signature";

    private readonly TrailerWindows _footers = new(TrailerPass.FooterSamples);
    private readonly TrailerWindows _signatures = new(TrailerPass.SignatureSamples);
    private readonly Lock _gate = new();

    /// <summary>Learns from the batch, then segments it in parallel; null entries stay null.</summary>
    public IndexedMessage?[] Apply(IReadOnlyList<IndexedMessage?> batch, int parallelism)
    {
        var senders = new string?[batch.Count];
        var footers = new Dictionary<string, string?>(StringComparer.Ordinal);
        var signatures = new Dictionary<string, string?>(StringComparer.Ordinal);
        lock (_gate)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i] is not { } row)
                {
                    continue;
                }

                senders[i] = SenderKey(row);
                _footers.Add(row.List, row.BodyText);
                footers[row.List] = null;
                if (senders[i] is { } sender)
                {
                    _signatures.Add(sender, row.BodyText);
                    signatures[sender] = null;
                }
            }

            foreach (var key in footers.Keys.ToList())
            {
                footers[key] = _footers.Get(key) ?? known.GetValueOrDefault((FooterKind, key));
            }

            foreach (var key in signatures.Keys.ToList())
            {
                signatures[key] = _signatures.Get(key) ?? known.GetValueOrDefault((SignatureKind, key));
            }
        }

        var rows = new IndexedMessage?[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            if (batch[i] is not { } row)
            {
                return;
            }

            var signature = senders[i] is { } sender ? signatures[sender] : null;
            var s = Segment(row.BodyText, row.HtmlQuotes, footers[row.List], signature, row.RawId);
            rows[i] = row with { Segments = s.Segments, OwnText = s.OwnText, QuotedText = s.QuotedText, TrailerKey = s.TrailerKey };
        });
        return rows;
    }

    /// <summary>Segments one body with the given footer and signature.</summary>
    public static SegmentationUpdate Segment(string body, IReadOnlyList<QuoteRange> htmlQuotes, string? footer, string? signature, long rawId)
    {
        var context = new SegmenterContext
        {
            HtmlQuotes = htmlQuotes.Count > 0 ? htmlQuotes : null,
            ListFooter = footer,
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

        return new SegmentationUpdate(rawId, segments, SearchableOwnText(body, segments), result.QuotedText, TrailerKeys.For(footer, signature));
    }

    /// <summary>
    /// The own text the index searches: the sender's own segments and their signature, as one
    /// string where the segments touch. A signature is the sender's words (a name, a title, a
    /// project); keeping it means a learned signature changes segments but not the full-text row,
    /// so re-segmenting after learning stays cheap. Footers, boilerplate and quotes are left out.
    /// </summary>
    private static string SearchableOwnText(string body, List<TextSegment> segments)
    {
        var sb = new System.Text.StringBuilder();
        var end = -1;
        foreach (var s in segments)
        {
            if (s.Kind is not ("own" or "signature") || s.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0 && s.Start != end)
            {
                sb.Append('\n');
            }

            sb.Append(body, s.Start, s.Length);
            end = s.Start + s.Length;
        }

        return sb.ToString();
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
