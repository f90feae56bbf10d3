namespace ListArchive.Analysis.Threading;

/// <summary>The stable kebab-case names of <see cref="ThreadLink"/> values (used in JSON and the index).</summary>
public static class ThreadLinkNames
{
    public static string ToName(this ThreadLink link) => link switch
    {
        ThreadLink.Root => "root",
        ThreadLink.References => "references",
        ThreadLink.InReplyTo => "in-reply-to",
        ThreadLink.Subject => "subject",
        ThreadLink.QuotedText => "quoted-text",
        _ => throw new ArgumentOutOfRangeException(nameof(link), link, null),
    };

    public static bool TryParse(string? name, out ThreadLink link)
    {
        switch (name)
        {
            case "root": link = ThreadLink.Root; return true;
            case "references": link = ThreadLink.References; return true;
            case "in-reply-to": link = ThreadLink.InReplyTo; return true;
            case "subject": link = ThreadLink.Subject; return true;
            case "quoted-text": link = ThreadLink.QuotedText; return true;
            default: link = default; return false;
        }
    }
}
