using System.Collections;

namespace ListArchive.Mail.Readers;

/// <summary>
/// Reads an mbox-family file (mboxo, mboxrd, Mailman 2 pipermail month; gzip-compressed or not)
/// as a stream of <see cref="RawMessage"/>s, one per From_ line. Each enumeration opens the
/// source again and streams it: memory stays bounded by the largest message.
/// </summary>
/// <remarks>
/// Messages are split only on whole From_ lines (<see cref="FromLine"/>), never on a bare
/// <c>^From </c>. The message bytes exclude the From_ line (kept in
/// <see cref="RawMessage.EnvelopeLine"/>) and the blank line that precedes the next From_ line.
/// <see cref="SourcePosition.Offset"/> is the offset of the first header byte in the decompressed
/// source and <see cref="SourcePosition.Length"/> the length of the message's span there (for
/// mboxrd this is longer than <see cref="RawMessage.Bytes"/> by the <c>&gt;</c> removed).
/// </remarks>
public sealed class MboxReader : IEnumerable<RawMessage>
{
    /// <summary>Default cap on one message; a larger one is reported and skipped.</summary>
    public const int DefaultMaxMessageBytes = 128 * 1024 * 1024;

    private readonly Func<Stream> _open;
    private readonly string _source;
    private readonly MboxVariant? _variant;
    private readonly Action<ReaderDiagnostic>? _diagnostics;

    /// <summary>Reads the file at <paramref name="path"/> (gzip detected by content).</summary>
    /// <param name="path">The file; it also names the source.</param>
    /// <param name="variant">The variant, or null to sniff it from the first From_ line.</param>
    /// <param name="diagnostics">Receives the problems found; may be null.</param>
    public MboxReader(string path, MboxVariant? variant = null, Action<ReaderDiagnostic>? diagnostics = null)
        : this(() => SourceStream.Open(path, path, diagnostics), path, variant, diagnostics)
    {
    }

    /// <summary>Reads the (already decompressed) stream that <paramref name="open"/> returns.</summary>
    /// <param name="open">Opens the stream; called once per enumeration; the reader disposes it.</param>
    /// <param name="source">Names the source in positions and diagnostics.</param>
    /// <param name="variant">The variant, or null to sniff it from the first From_ line.</param>
    /// <param name="diagnostics">Receives the problems found; may be null.</param>
    public MboxReader(Func<Stream> open, string source, MboxVariant? variant = null, Action<ReaderDiagnostic>? diagnostics = null)
    {
        _open = open;
        _source = source;
        _variant = variant;
        _diagnostics = diagnostics;
    }

    /// <summary>Cap on one message's size; larger messages are reported (<c>mbox-message-too-large</c>) and skipped.</summary>
    public int MaxMessageBytes { get; init; } = DefaultMaxMessageBytes;

    /// <summary>Size of the first read buffer (tests set it tiny to exercise block boundaries).</summary>
    internal int InitialBufferBytes { get; init; } = MboxSplitter.InitialBuffer;

    /// <summary>The variant found by the last enumeration (null before, or when no From_ line was found).</summary>
    public MboxVariant? DetectedVariant { get; private set; }

    public IEnumerator<RawMessage> GetEnumerator()
    {
        using var splitter = new MboxSplitter(_open(), _source, _variant, _diagnostics, MaxMessageBytes, InitialBufferBytes);
        while (splitter.TryRead(out var message))
        {
            DetectedVariant = splitter.Variant;
            yield return message;
        }

        DetectedVariant = splitter.Variant;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
