using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ListArchive.Storage.Tests.Support;

/// <summary>Finds ../shared/corpora from the repository root and splits pipermail months.</summary>
internal static partial class Corpus
{
    public static string Directory(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "ListArchive.sln")))
        {
            dir = dir.Parent;
        }

        Assert.True(dir is not null, "ListArchive.sln not found above " + AppContext.BaseDirectory);
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir!.FullName, "..", "shared", "corpora", name));
        Assert.True(System.IO.Directory.Exists(path), $"corpus {name} is missing: expected at {path}");
        return path;
    }

    /// <summary>
    /// Splits a pipermail month on whole From_ lines (the importer's job; a minimal copy for
    /// the raw-store tests): returns (envelope line, bytes after it up to the next From_ line).
    /// </summary>
    public static List<(string Envelope, byte[] Bytes, long Offset)> PipermailMessages(string corpus, string file)
    {
        using var gz = new GZipStream(File.OpenRead(System.IO.Path.Combine(Directory(corpus), file)), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        var data = ms.ToArray();
        var text = Encoding.Latin1.GetString(data);
        var starts = FromLine().Matches(text).Select(m => (m.Index, m.Length)).ToList();
        var result = new List<(string, byte[], long)>();
        for (var i = 0; i < starts.Count; i++)
        {
            var (start, length) = starts[i];
            var bodyStart = start + length + 1;
            var end = i + 1 < starts.Count ? starts[i + 1].Index : data.Length;
            result.Add((text.Substring(start, length), data[bodyStart..end], bodyStart));
        }

        return result;
    }

    public static string? MessageId(byte[] bytes)
    {
        var m = MessageIdHeader().Match(Encoding.Latin1.GetString(bytes));
        return m.Success ? m.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"^From \S.*? \w{3} \w{3} +\d+ \d\d:\d\d:\d\d \d{4}(?=\n)", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^Message-ID: *(.*?)\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();
}
