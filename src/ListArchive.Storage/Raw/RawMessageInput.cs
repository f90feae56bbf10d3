namespace ListArchive.Storage.Raw;

/// <summary>One message to append to the raw store.</summary>
/// <param name="List">List name the message was imported under.</param>
/// <param name="Bytes">The message exactly as read (From_ line removed by the reader).</param>
/// <param name="MessageId">The Message-ID header value (with or without brackets), or null.</param>
/// <param name="Source">File path, <c>archive!member</c>, or IMAP folder URL.</param>
/// <param name="Offset">Byte offset of the message in the (decompressed) source.</param>
/// <param name="Length">Number of bytes the message took in the source.</param>
/// <param name="EnvelopeLine">The mbox From_ line without line ending, when there was one.</param>
public sealed record RawMessageInput(
    string List,
    byte[] Bytes,
    string? MessageId,
    string Source,
    long Offset,
    long Length,
    string? EnvelopeLine = null);
