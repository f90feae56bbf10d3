namespace ListArchive.Analysis.Segments;

/// <summary>
/// Something the segmenter noticed. Codes (stable, kebab-case): <c>markerless-quote</c> (a quote
/// without <c>&gt;</c> markers was taken from an attribution line or header block; text above it may
/// hold quotes whose markers were lost too, left for text matching), <c>ambiguous-date</c> (a numeric
/// attribution date read day-first), <c>python-prompt</c> (<c>&gt;&gt;&gt; </c> lines read as code, not quotes).
/// </summary>
public sealed record SegmentDiagnostic(string Code, int Offset, string Message);
