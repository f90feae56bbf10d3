namespace ListArchive.Storage.Index;

/// <summary>
/// An author's positions (issue 6; docs/text-reuse.md §10): per thread their own passages, each with what it
/// answers, and what they wrote, quoted and had quoted, from the attributions of the index.
/// </summary>
/// <param name="AuthorId">The author.</param>
/// <param name="Messages">Messages of the author read (the latest, at most the limit asked).</param>
/// <param name="WordsWritten">Words of their own text (own segments not attributed elsewhere; signatures excluded).</param>
/// <param name="WordsQuoted">Words in their messages attributed to others (or to themselves earlier).</param>
/// <param name="QuotedFrom">Whom they quoted: words and messages per origin author or document, most words first.</param>
/// <param name="QuotedBy">Who quoted them: words and messages per quoting author, most messages first.</param>
/// <param name="Threads">Their passages per thread, latest thread first.</param>
public sealed record AuthorPositions(
    string AuthorId,
    int Messages,
    long WordsWritten,
    long WordsQuoted,
    IReadOnlyList<QuotedAuthor> QuotedFrom,
    IReadOnlyList<QuotedAuthor> QuotedBy,
    IReadOnlyList<ThreadPositions> Threads);
