namespace ListArchive.Analysis.Identity;

/// <summary>Why a node (address or name-only) belongs to its author.</summary>
/// <param name="Node">The address, or <c>name:KEY</c>.</param>
/// <param name="Reason"><see cref="Canonical"/> or <see cref="SameDisplayName"/>.</param>
/// <param name="Detail">For <see cref="SameDisplayName"/>: the shared display-name key.</param>
public sealed record AuthorEvidence(string Node, string Reason, string? Detail)
{
    public const string Canonical = "canonical";
    public const string SameDisplayName = "same-display-name";
}
