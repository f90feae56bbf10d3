using System.IO.Compression;
using System.Text;

namespace ListArchive.Testing;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "listarchive-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a hand-written test file (UTF-8) under the folder, creating sub-folders; returns its full path.</summary>
    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> under the folder, creating sub-folders; returns the full path.</summary>
    public string Write(string relative, byte[] bytes)
    {
        var full = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>gzip-compresses <paramref name="data"/> (for .gz test files and streams).</summary>
    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A test host still holding a SQLite file open must not fail the test on cleanup.
        }
    }
}
