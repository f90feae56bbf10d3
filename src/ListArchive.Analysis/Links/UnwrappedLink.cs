namespace ListArchive.Analysis.Links;

/// <summary>
/// One wrapped link found in a text: <paramref name="Start"/>/<paramref name="Length"/> locate the
/// replacement in the OUTPUT text; <paramref name="Formats"/> are the wrapper layers, outermost first.
/// </summary>
public sealed record UnwrappedLink(int Start, int Length, string Target, IReadOnlyList<string> Formats, bool IsOpaque, string? HostHint);
