namespace ListArchive.Analysis.Tests.Segments;

/// <summary>
/// How the segmenter did on one labelled message. <see cref="OwnExact"/> is the main
/// metric (own text equal after whitespace normalisation); <see cref="LineKinds"/> gives, per body
/// line, the labelled kind and the segmenter's kind (null for blank lines, which may belong to
/// either neighbour); the author counts compare quoted-author names on labelled quotes.
/// <see cref="UnquotedExact"/> is a diagnostic, not a target: the same comparison over own +
/// signature + boilerplate lines, i.e. whether the line between the sender's part and the quoted
/// part is right even where a sign-off was given to the wrong one of own/signature.
/// </summary>
internal sealed record LabelledScore(
    LabelledMessage Label,
    string? Error,
    bool OwnExact,
    bool UnquotedExact,
    int LinesCompared,
    int LinesAgreeing,
    int AuthorsLabelled,
    int AuthorsFound,
    IReadOnlyList<LabelledLineKind> LineKinds)
{
    /// <summary>Share of non-blank lines whose kind agrees (1 when there are none).</summary>
    public double LineAgreement => LinesCompared == 0 ? 1 : (double)LinesAgreeing / LinesCompared;
}
