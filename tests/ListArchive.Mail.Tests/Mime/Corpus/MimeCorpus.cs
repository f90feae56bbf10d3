using System.IO.Compression;

namespace ListArchive.Mail.Tests.Mime.Corpus;

/// <summary>
/// Finds the shared corpora (walk up from the test binaries to the folder holding ListArchive.sln,
/// then ../shared/corpora) and loads their messages. Fails loudly when the corpora are missing.
/// </summary>
internal static class MimeCorpus
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "ListArchive.sln"))) continue;
            var corpora = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "corpora"));
            if (!Directory.Exists(corpora))
                throw new InvalidOperationException($"Corpora not found at {corpora} (expected ../shared/corpora next to the repository).");
            return corpora;
        }
        throw new InvalidOperationException("ListArchive.sln not found above " + AppContext.BaseDirectory);
    }

    public static byte[] ReadMaybeGzip(string file)
    {
        if (!file.EndsWith(".gz", StringComparison.Ordinal)) return File.ReadAllBytes(file);
        using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>All messages of a pipermail corpus folder (<c>*.txt.gz</c> or <c>*.txt</c>), with file names.</summary>
    public static IEnumerable<(string File, byte[] Message)> Pipermail(string folder)
    {
        var dir = Path(folder);
        var files = Directory.GetFiles(dir, "*.txt.gz").Concat(Directory.GetFiles(dir, "*.txt")).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InvalidOperationException($"No pipermail files in {dir}");
        foreach (var f in files)
            foreach (var m in TemporaryPipermailSplitter.Split(ReadMaybeGzip(f)))
                yield return (System.IO.Path.GetFileName(f), m);
    }

    public static IEnumerable<(string File, byte[] Message)> Maildir(string folder)
    {
        var files = Directory.GetFiles(Path(folder)).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InvalidOperationException($"No messages in {Path(folder)}");
        return files.Select(f => (System.IO.Path.GetFileName(f), File.ReadAllBytes(f)));
    }

    /// <summary>public-inbox mboxrd export: split on its fixed From_ line and undo one level of <c>&gt;From </c> quoting.</summary>
    public static IEnumerable<byte[]> Mboxrd(string file)
    {
        var data = ReadMaybeGzip(Path(file));
        var marker = "From mboxrd@z Thu Jan  1 00:00:00 1970\n"u8.ToArray();
        var starts = new List<int>();
        for (int pos = 0; ;)
        {
            int i = data.AsSpan(pos).IndexOf(marker);
            if (i < 0) break;
            if (pos + i == 0 || data[pos + i - 1] == '\n') starts.Add(pos + i);
            pos += i + 1;
        }
        for (int k = 0; k < starts.Count; k++)
        {
            int s = starts[k] + marker.Length, e = k + 1 < starts.Count ? starts[k + 1] : data.Length;
            var text = new MemoryStream(e - s);
            for (int p = s; p < e;)
            {
                int nl = data.AsSpan(p, e - p).IndexOf((byte)'\n');
                int end = nl < 0 ? e : p + nl + 1;
                var line = data.AsSpan(p, end - p);
                int q = 0;
                while (q < line.Length && line[q] == '>') q++;
                if (q > 0 && line[q..].StartsWith("From "u8)) line = line[1..];
                text.Write(line);
                p = end;
            }
            yield return text.ToArray();
        }
    }
}
