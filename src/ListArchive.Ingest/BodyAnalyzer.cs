using ListArchive.Analysis.Segments;
using ListArchive.Storage.Index;

namespace ListArchive.Ingest;

/// <summary>
/// Segments the bodies of a batch: first learns, in order, each list's footer and each sender's
/// signature from the batch (the trailing block most of their messages share), then segments the
/// messages in parallel with what was learned. One instance lives for a whole import, so a list's
/// footer learned from its first batch serves every later one; the learned trailers are saved in
/// the index (<see cref="IArchiveIndex.SaveTrailers"/>) so that a single message arriving later
/// (stdin, IMAP, HTTP) is segmented with them too.
/// </summary>
internal sealed class BodyAnalyzer
{
    public const string FooterKind = "footer";
    public const string SignatureKind = "signature";

    private readonly TrailerLearner _footers = new();
    private readonly TrailerLearner _signatures = new();
    private readonly Dictionary<(string Kind, string Key), string> _known;
    private readonly Lock _gate = new();

    public BodyAnalyzer(IReadOnlyDictionary<(string Kind, string Key), string>? known = null)
    {
        _known = known is null ? [] : new Dictionary<(string Kind, string Key), string>(known);
    }

    /// <summary>Learns from the batch, then segments it (in parallel); rows come back in the same order.</summary>
    public IndexedMessage[] Apply(IReadOnlyList<MappedMessage> batch, int parallelism)
    {
        lock (_gate)
        {
            foreach (var m in batch)
            {
                _footers.Add(m.Row.List, m.Row.BodyText);
                if (AuthorKey(m.Row) is { } author)
                {
                    _signatures.Add(author, m.Row.BodyText);
                }
            }
        }

        var contexts = new SegmenterContext[batch.Count];
        lock (_gate)
        {
            var footerCache = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch[i].Row;
                if (!footerCache.TryGetValue(row.List, out var footer))
                {
                    footerCache[row.List] = footer = Learned(_footers, FooterKind, row.List);
                }

                var signature = AuthorKey(row) is { } author ? Learned(_signatures, SignatureKind, author) : null;
                contexts[i] = new SegmenterContext
                {
                    HtmlQuotes = batch[i].HtmlQuotes.Count > 0 ? batch[i].HtmlQuotes : null,
                    ListFooter = footer,
                    AuthorSignatures = signature is null ? null : [signature],
                };
            }
        }

        var rows = new IndexedMessage[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            i => rows[i] = Segment(batch[i].Row, contexts[i]));
        return rows;
    }

    /// <summary>Trailers learned or confirmed in this run, to be saved in the index.</summary>
    public IReadOnlyDictionary<(string Kind, string Key), string> Trailers
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<(string Kind, string Key), string>(_known);
            }
        }
    }

    /// <summary>Segments one row with the given context.</summary>
    public static IndexedMessage Segment(IndexedMessage row, SegmenterContext context)
    {
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

        var problems = row.Problems;
        if (body.Diagnostics.Count > 0)
        {
            problems = [.. row.Problems, .. body.Diagnostics.Select(d => new MessageProblem(d.Code, d.Offset, d.Message))];
        }

        return row with { Segments = segments, OwnText = body.OwnText, QuotedText = body.QuotedText, Problems = problems };
    }

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

    // Learned now beats stored: a list's footer changes (Mailman footers name the list URL).
    private string? Learned(TrailerLearner learner, string kind, string key)
    {
        if (learner.GetTrailer(key) is { } trailer)
        {
            _known[(kind, key)] = trailer;
            return trailer;
        }

        return _known.GetValueOrDefault((kind, key));
    }

    private static string? AuthorKey(IndexedMessage row) =>
        row.From.Address is { Length: > 0 } address ? address.ToLowerInvariant() : null;
}
