namespace ListArchive.Mail.Mime;

/// <summary>
/// An attachment of a message: a MIME part that is not body text, or a note pipermail left in the
/// text where it scrubbed one (then <see cref="Url"/> points to the archive's copy).
/// </summary>
/// <param name="FileName">File name when given (pipermail's "not available" is null).</param>
/// <param name="ContentType">Media type, lower-case (<c>text/html</c> for scrubbed HTML).</param>
/// <param name="Size">Decoded size in bytes; for scrubbed notes the size pipermail wrote, -1 when unknown.</param>
/// <param name="Url">Pipermail's URL of the scrubbed attachment.</param>
public sealed record AttachmentInfo(string? FileName, string ContentType, long Size, string? Url = null)
{
    /// <summary>The description (Content-Description, or pipermail's <c>Desc:</c>), when given.</summary>
    public string? Description { get; init; }

    /// <summary>True when this came from a pipermail scrubbed-attachment note rather than a MIME part.</summary>
    public bool Scrubbed { get; init; }
}
