namespace ListArchive.Storage.Index;

/// <summary>
/// One address (or <c>name:KEY</c> node) of an author with the reason it was merged:
/// <c>canonical</c>, or <c>same-display-name</c> with the shared name key in <paramref name="Detail"/>.
/// </summary>
public sealed record AuthorNode(string Node, string Reason, string? Detail);
