using System.Buffers.Binary;
using System.IO.Compression;

namespace ListArchive.Mail.Readers;

/// <summary>
/// A <see cref="GZipStream"/> that never throws on bad data and notices truncation.
/// </summary>
/// <remarks>
/// .NET's GZipStream returns a silent end of stream when a .gz file is cut short (checked on
/// .NET 10 with a truncated twisted-python-pipermail month), so a truncated archive would look
/// complete. The gzip trailer (RFC 1952 §2.3.1) ends with ISIZE, the uncompressed length modulo
/// 2^32: at the end we compare it with what was decompressed and report <c>gzip-truncated</c>
/// when they differ. Limit: for a multi-member gzip file only the last member's ISIZE is
/// known, so such a file may be reported falsely. Corrupt deflate data
/// (<see cref="InvalidDataException"/>) is reported as <c>gzip-corrupt</c> and ends the stream:
/// what was read so far is kept.
/// </remarks>
internal sealed class CheckedGzipStream : Stream
{
    private const int MaxChunk = 64 * 1024;

    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly string _source;
    private readonly Action<ReaderDiagnostic>? _diagnostics;
    private readonly uint? _expectedSize;
    private long _total;
    private bool _finished;

    public CheckedGzipStream(FileStream file, string source, Action<ReaderDiagnostic>? diagnostics)
    {
        _file = file;
        _source = source;
        _diagnostics = diagnostics;
        if (file.CanSeek && file.Length >= 18)
        {
            Span<byte> trailer = stackalloc byte[4];
            file.Position = file.Length - 4;
            file.ReadExactly(trailer);
            file.Position = 0;
            _expectedSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        }

        _gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: false);
    }

    /// <summary>Decompressed bytes delivered so far.</summary>
    public long Total => _total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _total;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_finished || buffer.IsEmpty)
        {
            return 0;
        }

        int n;
        try
        {
            // Small calls: when the deflate data is corrupt, what the failing call decoded is
            // lost, so keep that small.
            n = _gzip.Read(buffer.Length > MaxChunk ? buffer[..MaxChunk] : buffer);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            _finished = true;
            Report("gzip-corrupt", $"compressed data is corrupt after {_total} decompressed bytes; the rest of the file is skipped ({e.GetType().Name})");
            return 0;
        }

        if (n == 0)
        {
            _finished = true;
            if (_expectedSize is { } expected && (uint)_total != expected)
            {
                Report("gzip-truncated", $"decompressed {_total} bytes but the gzip trailer says {expected} (mod 2^32): the file is truncated or corrupt; its last message may be incomplete");
            }
        }

        _total += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Report(string code, string message) =>
        _diagnostics?.Invoke(new ReaderDiagnostic(_source, new MailDiagnostic(code, _total, message)));
}
