namespace ListArchive.Mail.Readers;

/// <summary>
/// Byte-level splitter for the mbox family. Reads the stream in large blocks into one buffer
/// (grown only while a single message is larger than it), finds candidate lines with a
/// vectorised search for <c>\nFrom </c> and confirms them with <see cref="FromLine"/>. Memory is
/// bounded by the largest message (and by <see cref="MaxMessageBytes"/>), not by the file.
/// </summary>
/// <remarks>
/// A message is the bytes between its From_ line and the next one, less the one blank line that
/// mbox writers put before every From_ line (mboxrd as public-inbox writes it, and every month of
/// the pipermail corpora, end each message with it). Text before the first From_ line is
/// reported (<c>mbox-leading-text</c>) and skipped.
/// </remarks>
internal sealed class MboxSplitter : IDisposable
{
    internal const int InitialBuffer = 1 << 20;
    private const int MaxFromLine = 4096;
    private static readonly byte[] Separator = "\nFrom "u8.ToArray();

    private readonly Stream _stream;
    private readonly string _source;
    private readonly Action<ReaderDiagnostic>? _diagnostics;
    private byte[] _buffer;
    private int _end;           // valid bytes in _buffer
    private long _base;         // stream offset of _buffer[0]
    private bool _eof;
    private bool _atStart = true;
    private int _searchFrom;    // where the next search for "\nFrom " starts
    private bool _inMessage;    // a From_ line was seen and its message is being collected
    private bool _skipping;     // the current message exceeded MaxMessageBytes and is dropped
    private int _messageStart;  // buffer index of the first byte after the current From_ line
    private string? _envelope;
    private bool _reportedLeadingText;
    private bool _done;         // end of data reached and handled

    public MboxSplitter(Stream stream, string source, MboxVariant? variant, Action<ReaderDiagnostic>? diagnostics, int maxMessageBytes, int initialBufferBytes = InitialBuffer)
    {
        _stream = stream;
        _source = source;
        Variant = variant;
        _diagnostics = diagnostics;
        MaxMessageBytes = maxMessageBytes;
        _buffer = new byte[Math.Max(Math.Min(initialBufferBytes, maxMessageBytes), 16)];
    }

    /// <summary>The variant in force: the one given, or the one sniffed from the first From_ line.</summary>
    public MboxVariant? Variant { get; private set; }

    public int MaxMessageBytes { get; }

    public int MessageCount { get; private set; }

    public void Dispose() => _stream.Dispose();

    public bool TryRead(out RawMessage message)
    {
        while (true)
        {
            var candidate = FindCandidate();
            if (candidate < 0)
            {
                if (!_eof)
                {
                    // No separator in the buffer: read on, keeping the current message and the
                    // last bytes (a separator may straddle the block boundary).
                    var resume = Math.Max(Math.Max(_searchFrom, _end - Separator.Length + 1), 0);
                    var keep = _inMessage && !_skipping ? Math.Min(resume, _messageStart) : resume;
                    if (!_inMessage)
                    {
                        ReportLeadingText(0, keep);
                    }

                    var shift = Refill(keep, resume);
                    _searchFrom = Math.Max(0, resume - shift);
                    continue;
                }

                // End of data: the last message runs to the end.
                if (_done)
                {
                }
                else if (_inMessage)
                {
                    _done = true;
                    if (!_skipping && TryMake(_messageStart, _end, out message))
                    {
                        return true;
                    }
                }
                else if (_base + _end == 0)
                {
                    _done = true;
                    Report("empty-source", 0, "the source is empty");
                }
                else
                {
                    _done = true;
                    ReportLeadingText(0, _end);
                    Report("mbox-no-from-line", 0, "no From_ line found: not an mbox file");
                }

                message = null!;
                return false;
            }

            var newline = _buffer.AsSpan(candidate, _end - candidate).IndexOf((byte)'\n');
            if (newline < 0 && !_eof)
            {
                if (_end - candidate > MaxFromLine)
                {
                    // Far too long for a From_ line: not one.
                    _searchFrom = candidate;
                    continue;
                }

                // The candidate line is cut by the end of the buffer: read on, keeping it (and
                // the newline before it, so that the search finds it again).
                var resume = Math.Max(candidate - 1, 0);
                var keep = _inMessage && !_skipping ? Math.Min(resume, _messageStart) : resume;
                var shift = Refill(keep, resume);
                _searchFrom = Math.Max(0, resume - shift);
                _atStart = candidate == 0;
                continue;
            }

            var lineEnd = newline < 0 ? _end : candidate + newline;
            var line = _buffer.AsSpan(candidate, lineEnd - candidate);
            if (!FromLine.TryParse(line, out var senderTokens))
            {
                _searchFrom = candidate;
                continue;
            }

            var hasMessage = _inMessage && !_skipping;
            var start = _messageStart;
            if (!_inMessage)
            {
                ReportLeadingText(0, candidate);
            }

            Variant ??= SniffVariant(line, senderTokens, _source);
            var previousEnvelope = _envelope;
            _envelope = FromLine.Decode(line);
            _inMessage = true;
            _skipping = false;
            _messageStart = newline < 0 ? _end : lineEnd + 1;
            _searchFrom = _messageStart - 1;
            if (hasMessage && TryMake(start, candidate, out message, previousEnvelope))
            {
                return true;
            }
        }
    }

    /// <summary>Guesses the variant from the first From_ line (and the source name).</summary>
    internal static MboxVariant SniffVariant(ReadOnlySpan<byte> fromLine, int senderTokens, string source)
    {
        if (senderTokens == 3)
        {
            return MboxVariant.Pipermail;
        }

        // public-inbox's mboxrd export writes this fixed line (usrp-users-mboxrd).
        if (FromLine.TrimEnd(fromLine).SequenceEqual("From mboxrd@z Thu Jan  1 00:00:00 1970"u8) ||
            source.Contains("mboxrd", StringComparison.OrdinalIgnoreCase))
        {
            return MboxVariant.Mboxrd;
        }

        return MboxVariant.Mboxo;
    }

    private int FindCandidate()
    {
        if (_atStart)
        {
            if (_end < 8 && !_eof)
            {
                Refill(0, 0);
                return FindCandidate();
            }

            _atStart = false;
            var head = _buffer.AsSpan(0, _end);
            if (head.StartsWith("From "u8))
            {
                _searchFrom = 0;
                return 0;
            }

            // A UTF-8 byte order mark before the first From_ line (some Windows tools write one).
            if (head.StartsWith("\uFEFFFrom "u8))
            {
                _searchFrom = 3;
                return 3;
            }
        }

        var from = Math.Max(0, _searchFrom);
        var index = _buffer.AsSpan(from, _end - from).IndexOf(Separator);
        return index < 0 ? -1 : from + index + 1;
    }

    // Moves [keep, _end) to the front and reads more. Returns how far indexes moved.
    private int Refill(int keep, int resume)
    {
        var shift = keep;
        if (shift > 0)
        {
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            _end -= shift;
            _base += shift;
            _messageStart -= shift;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxMessageBytes && _inMessage && !_skipping && resume - shift > 0)
            {
                // One message is larger than allowed: report it, drop what we have, and keep
                // scanning for the next From_ line (the tail is kept so a separator is not cut).
                Report("mbox-message-too-large", _base + _messageStart, $"message larger than {MaxMessageBytes} bytes: skipped");
                _skipping = true;
                var drop = Math.Min(resume - shift, _end - Separator.Length + 1);
                var tail = _end - drop;
                Buffer.BlockCopy(_buffer, drop, _buffer, 0, tail);
                _end = tail;
                _base += drop;
                _messageStart -= drop;
                shift += drop;
            }
            else
            {
                Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, Array.MaxLength));
            }
        }

        try
        {
            var want = _buffer.Length - _end;
            var n = _stream.ReadAtLeast(_buffer.AsSpan(_end), want, throwOnEndOfStream: false);
            _end += n;
            if (n < want)
            {
                _eof = true;
            }
        }
        catch (IOException e)
        {
            Report("read-error", _base + _end, $"read failed ({e.GetType().Name}); the rest of the source is skipped");
            _eof = true;
        }

        return shift;
    }

    private bool TryMake(int start, int end, out RawMessage message, string? envelope = null)
    {
        envelope ??= _envelope;
        var span = _buffer.AsSpan(start, end - start);

        // Drop the one blank line that separates messages.
        if (span.EndsWith("\r\n\r\n"u8))
        {
            span = span[..^2];
        }
        else if (span.EndsWith("\n\n"u8))
        {
            span = span[..^1];
        }

        var offset = _base + start;
        if (span.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            Report("mbox-empty-message", offset, "From_ line with no message after it: skipped");
            message = null!;
            return false;
        }

        var bytes = Variant == MboxVariant.Mboxrd ? MboxrdEscaping.Unescape(span) : span.ToArray();
        MessageCount++;
        message = new RawMessage(bytes, new SourcePosition(_source, offset, span.Length), envelope);
        return true;
    }

    private void ReportLeadingText(int start, int end)
    {
        if (_reportedLeadingText || MessageCount > 0 || end <= start)
        {
            return;
        }

        var text = _buffer.AsSpan(start, end - start);
        if (_base + start == 0 && text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }
        if (text.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
        {
            _reportedLeadingText = true;
            Report("mbox-leading-text", _base + start, "text before the first From_ line: skipped");
        }
    }

    private void Report(string code, long offset, string message) =>
        _diagnostics?.Invoke(new ReaderDiagnostic(_source, new MailDiagnostic(code, offset, message)));
}
