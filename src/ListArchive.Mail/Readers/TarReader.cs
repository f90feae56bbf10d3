using System.Text;

namespace ListArchive.Mail.Readers;

/// <summary>
/// A small streaming tar reader (POSIX ustar, GNU and pax), enough to take message files out of
/// a <c>.tar</c> / <c>.tar.gz</c> without unpacking it: notmuch-corpora ships its Maildirs as
/// <c>notmuch-test-corpora.tar.gz</c> because the Maildir names contain ':'.
/// </summary>
/// <remarks>
/// Handles: ustar <c>prefix</c> + <c>name</c>; GNU <c>L</c> long names (and skips <c>K</c> long
/// link names); pax <c>x</c> records <c>path</c> and <c>size</c> (<c>g</c> global records are
/// skipped); octal and GNU base-256 sizes. Directories, links and devices are skipped. A header
/// whose checksum is wrong ends the archive with <c>tar-bad-header</c> (there is no reliable way
/// to find the next header); an archive cut short yields what was read and <c>tar-truncated</c>.
/// </remarks>
internal sealed class TarReader
{
    private const int Block = 512;
    private const int MaxMetadata = 1 << 20;

    private readonly Stream _stream;
    private readonly string _source;
    private readonly Action<ReaderDiagnostic>? _diagnostics;
    private readonly int _maxMemberBytes;
    private long _position;
    private bool _failed;

    public TarReader(Stream stream, string source, Action<ReaderDiagnostic>? diagnostics, int maxMemberBytes)
    {
        _stream = stream;
        _source = source;
        _diagnostics = diagnostics;
        _maxMemberBytes = maxMemberBytes;
    }

    /// <summary>True when <paramref name="header"/> is a tar header block (ustar magic, or a valid checksum).</summary>
    public static bool IsTarHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length < Block)
        {
            return false;
        }

        return header[257..262].SequenceEqual("ustar"u8) || (header[0] != 0 && ChecksumMatches(header[..Block]));
    }

    public IEnumerable<TarMember> Members()
    {
        var header = new byte[Block];
        string? longName = null;
        string? paxPath = null;
        long? paxSize = null;
        while (true)
        {
            var headerOffset = _position;
            var n = Read(header);
            if (n == 0)
            {
                Report("tar-truncated", headerOffset, "the archive ends without its end-of-archive blocks");
                yield break;
            }

            if (n < Block)
            {
                Report("tar-truncated", headerOffset, "the archive ends inside a header");
                yield break;
            }

            if (header.AsSpan().IndexOfAnyExcept((byte)0) < 0)
            {
                yield break;    // end-of-archive marker
            }

            if (!ChecksumMatches(header))
            {
                Report("tar-bad-header", headerOffset, "header checksum mismatch: the rest of the archive is skipped");
                yield break;
            }

            var type = header[156];
            var size = paxSize ?? ParseNumber(header.AsSpan(124, 12));
            if (size < 0)
            {
                Report("tar-bad-header", headerOffset, "unreadable member size: the rest of the archive is skipped");
                yield break;
            }

            var name = longName ?? paxPath ?? HeaderName(header);
            if (type is (byte)'L' or (byte)'x' or (byte)'K' or (byte)'g')
            {
                var data = size <= MaxMetadata ? ReadData(size, out _) : null;
                if (data is null)
                {
                    SkipData(size);
                }
                else if (type == 'L')
                {
                    longName = CString(data);
                }
                else if (type == 'x')
                {
                    (paxPath, paxSize) = ParsePax(data, headerOffset);
                }

                continue;
            }

            longName = null;
            paxPath = null;
            paxSize = null;
            if (type is not ((byte)'0' or 0 or (byte)'7'))
            {
                SkipData(size);     // directory, link, device, fifo…
                continue;
            }

            var dataOffset = _position;
            if (size > _maxMemberBytes)
            {
                Report("tar-member-too-large", dataOffset, $"member {name} is larger than {_maxMemberBytes} bytes: skipped");
                SkipData(size);
                continue;
            }

            var bytes = ReadData(size, out var truncated)!;
            if (truncated)
            {
                Report("tar-truncated", dataOffset + bytes.Length, $"the archive ends inside member {name}");
            }

            yield return new TarMember(name, bytes, dataOffset, truncated);
            if (truncated)
            {
                yield break;
            }
        }
    }

    internal static bool ChecksumMatches(ReadOnlySpan<byte> header)
    {
        var stored = ParseNumber(header.Slice(148, 8));
        long unsignedSum = 0;
        long signedSum = 0;
        for (var i = 0; i < Block; i++)
        {
            var b = i is >= 148 and < 156 ? (byte)' ' : header[i];
            unsignedSum += b;
            signedSum += (sbyte)b;
        }

        // Some old writers summed signed chars (POSIX pax rationale).
        return stored >= 0 && (stored == unsignedSum || stored == signedSum);
    }

    // Octal digits (NUL/space padded), or GNU base-256 when the high bit of the first byte is set.
    internal static long ParseNumber(ReadOnlySpan<byte> field)
    {
        if (field.Length > 0 && (field[0] & 0x80) != 0)
        {
            long value = field[0] & 0x7F;
            foreach (var b in field[1..])
            {
                if (value > (long.MaxValue >> 8))
                {
                    return -1;
                }

                value = (value << 8) | b;
            }

            return value;
        }

        long result = 0;
        var seen = false;
        foreach (var b in field)
        {
            if (b is (byte)' ' or 0)
            {
                if (seen)
                {
                    break;
                }

                continue;
            }

            if (b is < (byte)'0' or > (byte)'7')
            {
                return -1;
            }

            seen = true;
            result = (result * 8) + (b - '0');
        }

        return seen ? result : 0;
    }

    private static string HeaderName(byte[] header)
    {
        var name = CString(header.AsSpan(0, 100));

        // POSIX ustar ("ustar\0") puts the leading directories in prefix; GNU ("ustar  \0") uses
        // that area for other fields.
        if (header.AsSpan(257, 6).SequenceEqual("ustar\0"u8))
        {
            var prefix = CString(header.AsSpan(345, 155));
            if (prefix.Length > 0)
            {
                return prefix + "/" + name;
            }
        }

        return name;
    }

    private static string CString(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        var bytes = end < 0 ? field : field[..end];
        return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
    }

    // pax extended header records: "LEN key=value\n" (POSIX.1-2001 pax format).
    private (string? Path, long? Size) ParsePax(byte[] data, long offset)
    {
        string? path = null;
        long? size = null;
        var span = data.AsSpan();
        while (span.Length > 0)
        {
            var space = span.IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(span[..space], out var length) || length <= space || length > span.Length)
            {
                Report("tar-bad-pax", offset, "unreadable pax record: ignored");
                break;
            }

            var record = span[(space + 1)..(length - 1)];
            var equals = record.IndexOf((byte)'=');
            if (equals > 0)
            {
                var key = record[..equals];
                var value = record[(equals + 1)..];
                if (key.SequenceEqual("path"u8))
                {
                    path = Encoding.UTF8.GetString(value);
                }
                else if (key.SequenceEqual("size"u8) && long.TryParse(value, out var s))
                {
                    size = s;
                }
            }

            span = span[length..];
        }

        return (path, size);
    }

    private byte[]? ReadData(long size, out bool truncated)
    {
        var data = new byte[size];
        var n = Read(data);
        truncated = n < size;
        if (!truncated)
        {
            Skip(Padding(size));
        }

        return truncated ? data[..n] : data;
    }

    private void SkipData(long size) => Skip(size + Padding(size));

    private static long Padding(long size) => (Block - (size % Block)) % Block;

    private void Skip(long count)
    {
        Span<byte> scratch = stackalloc byte[4096];
        while (count > 0)
        {
            var n = Read(scratch[..(int)Math.Min(count, scratch.Length)]);
            if (n == 0)
            {
                return;
            }

            count -= n;
        }
    }

    private int Read(Span<byte> buffer)
    {
        if (_failed)
        {
            return 0;
        }

        int n;
        try
        {
            n = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (IOException e)
        {
            Report("read-error", _position, $"read failed ({e.GetType().Name}); the rest of the archive is skipped");
            n = 0;
            _failed = true;
        }

        _position += n;
        return n;
    }

    private void Report(string code, long offset, string message) =>
        _diagnostics?.Invoke(new ReaderDiagnostic(_source, new MailDiagnostic(code, offset, message)));
}
