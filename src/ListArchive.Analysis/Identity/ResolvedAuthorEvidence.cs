namespace ListArchive.Analysis.Identity;

/// <summary>Stable evidence codes of <see cref="ResolvedAuthor"/>.</summary>
public static class ResolvedAuthorEvidence
{
    public const string From = "from";
    public const string XOriginalFrom = "via:x-original-from";
    public const string ReplyTo = "via:reply-to";
    public const string Cc = "via:cc";
    public const string Sender = "via:sender";
    public const string Unrecovered = "via:unrecovered";
}
