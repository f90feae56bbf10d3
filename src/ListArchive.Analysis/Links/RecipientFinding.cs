namespace ListArchive.Analysis.Links;

/// <summary>
/// A recipient-identifying part of a wrapped URL (../shared/docs/url-rewriters.md §18), located in
/// the searched text. Carries no value: the audit must not republish what it looks for. For a
/// nested layer or a hard-wrapped URL the span is the whole URL.
/// </summary>
public sealed record RecipientFinding(string Format, string Parameter, int Offset, int Length);
