namespace ListArchive.Mail;

/// <summary>
/// One message exactly as a reader found it: the RFC 5322 bytes (mbox From_ line removed, mboxrd
/// <c>&gt;From </c> un-escaped) and where they came from. Raw bytes are the model; everything else
/// is derived from them.
/// </summary>
/// <param name="Bytes">The message bytes.</param>
/// <param name="Position">Source and offset.</param>
/// <param name="EnvelopeLine">The mbox From_ line (without line ending) when the source had one.</param>
public sealed record RawMessage(byte[] Bytes, SourcePosition Position, string? EnvelopeLine = null);
