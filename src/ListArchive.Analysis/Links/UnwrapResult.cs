namespace ListArchive.Analysis.Links;

/// <summary>Text with its wrapped URLs replaced by their targets, and where each unwrapped link now is.</summary>
public sealed record UnwrapResult(string Text, IReadOnlyList<UnwrappedLink> Links);
