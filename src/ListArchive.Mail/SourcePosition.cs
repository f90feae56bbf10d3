namespace ListArchive.Mail;

/// <summary>
/// Where a message's raw bytes came from: a file (or archive member, or IMAP folder) and the byte
/// offset of the message's first header byte in it, so any problem can be traced back to its source.
/// </summary>
/// <param name="Source">File path, or <c>archive.tar.gz!member</c>, or <c>imap://host/folder</c>.</param>
/// <param name="Offset">Byte offset of the message (after any From_ line) in the decompressed source.</param>
/// <param name="Length">Number of raw message bytes.</param>
public readonly record struct SourcePosition(string Source, long Offset, long Length)
{
    public override string ToString() => $"{Source}@{Offset}";
}
