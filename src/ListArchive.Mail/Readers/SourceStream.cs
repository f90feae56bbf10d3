namespace ListArchive.Mail.Readers;

/// <summary>
/// Opens a file for sequential reading, transparently decompressing gzip (detected by its magic
/// bytes, not by the file name). Readers do their own large-block buffering, so the file stream
/// itself is opened with a small buffer.
/// </summary>
internal static class SourceStream
{
    private const int FileBufferSize = 64 * 1024;

    public static bool IsGzip(ReadOnlySpan<byte> prefix) => prefix.Length >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B;

    /// <summary>Opens <paramref name="path"/>; a gzip file comes back as a <see cref="CheckedGzipStream"/>.</summary>
    public static Stream Open(string path, string source, Action<ReaderDiagnostic>? diagnostics)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            var n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            file.Position = 0;
            if (n == 2 && IsGzip(magic))
            {
                return new CheckedGzipStream(file, source, diagnostics);
            }

            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads up to <paramref name="count"/> bytes of the (decompressed) start of a file.</summary>
    public static byte[] ReadPrefix(string path, int count)
    {
        using var stream = Open(path, path, diagnostics: null);
        var buffer = new byte[count];
        var n = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        return buffer[..n];
    }
}
