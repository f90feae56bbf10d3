namespace ListArchive.Mail.Html;

/// <summary>Limits for <see cref="HtmlToText"/>; the defaults suit mail bodies.</summary>
public sealed record HtmlToTextOptions
{
    public static HtmlToTextOptions Default { get; } = new();

    /// <summary>
    /// Input longer than this (in UTF-16 chars) is cut before parsing, with an
    /// <c>html-input-truncated</c> diagnostic. 4 Mi chars is far above any real mail body
    /// (the largest HTML part in usrp-users-2021-H1 is well under 1 MB) and keeps the parse bounded.
    /// </summary>
    public int MaxInputChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// The walk stops after visiting this many DOM nodes, with an <c>html-node-limit</c> diagnostic.
    /// </summary>
    public int MaxNodes { get; init; } = 1_000_000;

    /// <summary>
    /// Start tags nested deeper than this are dropped before parsing (their text is kept), with an
    /// <c>html-nesting-limit</c> diagnostic; see <see cref="NestingGuard"/>. Real mail stays far
    /// below: a 16-deep Gmail reply chain in usrp-users-2021-H1 is under 200 levels.
    /// </summary>
    public int MaxNesting { get; init; } = 400;
}
