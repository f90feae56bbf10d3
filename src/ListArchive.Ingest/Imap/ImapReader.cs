using System.Text;

namespace ListArchive.Ingest.Imap;

/// <summary>
/// Reads responses from the server stream with bounded memory. Lines are capped at
/// <see cref="ImapLimits.MaxLineBytes"/>; a literal (RFC 3501 §4.3, <c>{n}</c> at the end of a
/// line; RFC 9051 §4.3 also <c>~{n}</c>) is read into a buffer that grows with the bytes that
/// arrive, never allocated from the announced size, and is discarded (read through, kept in sync)
/// when larger than <see cref="ImapLimits.MaxLiteralBytes"/>. What cannot be kept in sync (an
/// endless line, an absurd literal, a closed stream) throws <see cref="ImapException"/>; the
/// caller drops the connection.
/// </summary>
internal sealed class ImapReader(Stream stream, ImapLimits limits, Action<ImapDiagnostic> diagnostics)
{
    private const int FirstLiteralChunk = 256 * 1024;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>Bytes received but not yet read as a response (must be none right after STARTTLS: RFC 3501 §6.2.1).</summary>
    public bool HasBufferedData => _end > _start;

    /// <summary>Total bytes received from the stream.</summary>
    public long BytesReceived { get; private set; }

    public async Task<ImapResponse> ReadResponseAsync()
    {
        var segments = new List<string>();
        var literals = new List<ImapToken>();
        long lineBytes = 0;
        while (true)
        {
            var line = await ReadLineAsync(limits.MaxLineBytes - lineBytes);
            lineBytes += line.Length;
            if (TryLiteralMarker(line, out var size, out var markerStart, out var invalid))
            {
                segments.Add(Decode(line.AsSpan(0, markerStart)));
                if (literals.Count >= limits.MaxLiteralsPerResponse)
                {
                    throw new ImapException(ImapErrorKind.Protocol, $"the server sent more than {limits.MaxLiteralsPerResponse} literals in one response");
                }

                literals.Add(await ReadLiteralAsync(size));
                continue;
            }

            if (invalid)
            {
                // "{99999999999999999999}": a size no client can honour; there is no way to stay in sync.
                throw new ImapException(ImapErrorKind.Protocol, "the server announced a literal whose size cannot be read");
            }

            segments.Add(Decode(line));
            return ImapResponse.Parse(segments, literals, limits.MaxDepth, diagnostics);
        }
    }

    /// <summary>One line without its CRLF (a bare LF is accepted too: lenient).</summary>
    private async Task<byte[]> ReadLineAsync(long max)
    {
        using var line = new MemoryStream();
        while (true)
        {
            if (_start == _end && !await FillAsync())
            {
                throw new ImapException(ImapErrorKind.Connection,
                    line.Length == 0 ? "the server closed the connection" : "the server closed the connection in the middle of a line");
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var lf = span.IndexOf((byte)'\n');
            var take = lf < 0 ? span.Length : lf;
            if (line.Length + take > max)
            {
                throw new ImapException(ImapErrorKind.Protocol, $"the server sent a line longer than {limits.MaxLineBytes:N0} bytes");
            }

            line.Write(span[..take]);
            if (lf < 0)
            {
                _start = _end;
                continue;
            }

            _start += lf + 1;
            var bytes = line.ToArray();
            return bytes.Length > 0 && bytes[^1] == '\r' ? bytes[..^1] : bytes;
        }
    }

    private async Task<ImapToken> ReadLiteralAsync(long size)
    {
        if (size > limits.MaxLiteralBytes)
        {
            if (size > limits.MaxDiscardBytes)
            {
                throw new ImapException(ImapErrorKind.Protocol, $"the server announced a literal of {size:N0} bytes, above {limits.MaxDiscardBytes:N0}; connection dropped");
            }

            diagnostics(new ImapDiagnostic("literal-too-large", $"a literal of {size:N0} bytes is above the limit of {limits.MaxLiteralBytes:N0}; read and discarded"));
            var left = size;
            while (left > 0)
            {
                if (_start == _end && !await FillAsync())
                {
                    throw new ImapException(ImapErrorKind.Connection, $"the server closed the connection inside a literal ({size - left:N0} of {size:N0} bytes)");
                }

                var take = (int)Math.Min(left, _end - _start);
                _start += take;
                left -= take;
            }

            return ImapToken.Literal(null, size);
        }

        // Grows with what arrives: a server announcing 60 MB and sending 10 bytes costs 256 KB.
        var data = new byte[(int)Math.Min(size, FirstLiteralChunk)];
        long got = 0;
        while (got < size)
        {
            if (_start == _end && !await FillAsync())
            {
                throw new ImapException(ImapErrorKind.Connection, $"the server closed the connection inside a literal ({got:N0} of {size:N0} bytes)");
            }

            if (got == data.Length)
            {
                Array.Resize(ref data, (int)Math.Min(size, (long)data.Length * 2));
            }

            var take = (int)Math.Min(data.Length - got, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(data.AsSpan((int)got));
            _start += take;
            got += take;
        }

        return ImapToken.Literal(data, size);
    }

    private async Task<bool> FillAsync()
    {
        _start = 0;
        _end = 0;
        int read;
        try
        {
            read = await stream.ReadAsync(_buffer);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            throw new ImapException(ImapErrorKind.Connection, $"connection lost: {ex.Message}", ex);
        }

        _end = read;
        BytesReceived += read;
        return read > 0;
    }

    /// <summary><c>… {123}</c>, <c>{123+}</c> (RFC 7888) or <c>~{123}</c> (RFC 9051 literal8) at the end of a line.</summary>
    internal static bool TryLiteralMarker(ReadOnlySpan<byte> line, out long size, out int markerStart, out bool invalid)
    {
        size = 0;
        markerStart = 0;
        invalid = false;
        if (line.Length < 3 || line[^1] != '}')
        {
            return false;
        }

        var open = line.LastIndexOf((byte)'{');
        if (open < 0)
        {
            return false;
        }

        var digits = line[(open + 1)..^1];
        if (digits.Length > 0 && digits[^1] == '+')
        {
            digits = digits[..^1];
        }

        if (digits.Length == 0)
        {
            return false;
        }

        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        if (digits.Length > 18)
        {
            invalid = true;
            return false;
        }

        foreach (var b in digits)
        {
            size = (size * 10) + (b - '0');
        }

        markerStart = open > 0 && line[open - 1] == '~' ? open - 1 : open;
        return true;
    }

    /// <summary>
    /// Response text is ASCII in RFC 3501 and UTF-8 in RFC 9051 §4.3 quoted strings; invalid
    /// bytes become U+FFFD rather than an error.
    /// </summary>
    private static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
