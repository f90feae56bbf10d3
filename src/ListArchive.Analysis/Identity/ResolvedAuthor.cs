namespace ListArchive.Analysis.Identity;

/// <summary>
/// Who wrote a message after undoing list rewrites.
/// </summary>
/// <param name="Name">Display name to show (the "X" of "X via List" when rewritten).</param>
/// <param name="Address">Canonical address, or null when it could not be recovered.</param>
/// <param name="Evidence">
/// How it was found: <c>from</c> (From header as is), <c>via:x-original-from</c>,
/// <c>via:reply-to</c>, <c>via:cc</c>, <c>via:sender</c>, or <c>via:unrecovered</c>.
/// </param>
public sealed record ResolvedAuthor(string? Name, string? Address, string Evidence)
{
    /// <summary>True when the From header had been rewritten by the list.</summary>
    public bool WasRewritten => Evidence != ResolvedAuthorEvidence.From;
}
