using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ListArchive.Mail.Tests.Html;

/// <summary>
/// TEST-ONLY: a deliberately minimal MIME walk that pulls the text/html parts out of raw corpus
/// messages, so the HTML converter can be tested on real mail while the real MIME parser is
/// written elsewhere. Handles headers with folding, nested multiparts, base64 and
/// quoted-printable, and charsets; nothing else. Not for production use.
/// </summary>
internal static partial class CorpusHtmlParts
{
    static CorpusHtmlParts() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    internal sealed record HtmlPart(string Source, int MessageIndex, string Html, string References);

    public static string CorporaDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ListArchive.sln")))
            dir = dir.Parent;
        Assert.True(dir is not null, "ListArchive.sln not found above " + AppContext.BaseDirectory);
        var corpora = Path.GetFullPath(Path.Combine(dir!.FullName, "..", "shared", "corpora"));
        Assert.True(Directory.Exists(corpora), "corpora missing: expected " + corpora + " (see /work/notes/common.md)");
        return corpora;
    }

    /// <summary>HTML parts of an mboxrd.gz (public-inbox export: every message starts with "From mboxrd@z").</summary>
    public static IEnumerable<HtmlPart> FromMboxrdGz(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var all = Latin1(memory.ToArray());
        var starts = FromLine().Matches(all).Select(m => m.Index).Append(all.Length).ToArray();
        for (var i = 0; i + 1 < starts.Length; i++)
        {
            var message = all[starts[i]..starts[i + 1]];
            message = message[(message.IndexOf('\n') + 1)..];
            message = MboxrdEscape().Replace(message, "$1"); // mboxrd: one '>' less on ">From " lines
            foreach (var part in HtmlParts(message, Path.GetFileName(path), i))
                yield return part;
        }
    }

    /// <summary>HTML parts of one raw message file.</summary>
    public static IEnumerable<HtmlPart> FromMessageFile(string path) =>
        HtmlParts(Latin1(File.ReadAllBytes(path)), Path.GetFileName(path), 0);

    /// <summary>HTML parts of the messages under <paramref name="folder"/> in a .tar.gz.</summary>
    public static IEnumerable<HtmlPart> FromTarGz(string path, string folder)
    {
        using var reader = new TarReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var index = 0;
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null
                || !entry.Name.Contains("/" + folder + "/", StringComparison.Ordinal))
                continue;
            using var memory = new MemoryStream();
            entry.DataStream.CopyTo(memory);
            foreach (var part in HtmlParts(Latin1(memory.ToArray()), entry.Name, index++))
                yield return part;
        }
    }

    // The message is held as Latin-1 so that every byte is one char and decoding is done per part.
    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    private static IEnumerable<HtmlPart> HtmlParts(string message, string source, int index)
    {
        var (headers, _) = Split(message);
        var references = Header(headers, "references") + " " + Header(headers, "in-reply-to");
        var found = new List<HtmlPart>();
        Walk(message, 0, html => found.Add(new HtmlPart(source, index, html, references)));
        return found;
    }

    private static void Walk(string entity, int depth, Action<string> onHtml)
    {
        if (depth > 20)
            return;
        var (headers, body) = Split(entity);
        var contentType = Header(headers, "content-type");
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var boundary = Parameter(contentType, "boundary");
            if (boundary.Length == 0)
                return;
            var delimiter = "--" + boundary;
            var pieces = ("\n" + body).Split("\n" + delimiter);
            for (var i = 1; i < pieces.Length; i++)
            {
                if (pieces[i].StartsWith("--", StringComparison.Ordinal))
                    break;
                Walk(pieces[i][(pieces[i].IndexOf('\n') + 1)..], depth + 1, onHtml);
            }
            return;
        }
        if (mediaType != "text/html")
            return;
        var bytes = Header(headers, "content-transfer-encoding").Trim().ToLowerInvariant() switch
        {
            "base64" => Base64(body),
            "quoted-printable" => QuotedPrintable(body),
            _ => Encoding.Latin1.GetBytes(body),
        };
        Encoding encoding;
        try
        {
            var charset = Parameter(contentType, "charset");
            encoding = charset.Length == 0 ? Encoding.UTF8 : Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
        }
        onHtml(encoding.GetString(bytes));
    }

    private static (string Headers, string Body) Split(string entity)
    {
        entity = entity.Replace("\r\n", "\n");
        var end = entity.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? (entity, string.Empty) : (entity[..end], entity[(end + 2)..]);
    }

    private static string Header(string headers, string name)
    {
        var unfolded = Folding().Replace(headers, " ");
        foreach (var line in unfolded.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
                return line[(colon + 1)..].Trim();
        }
        return string.Empty;
    }

    private static string Parameter(string header, string name)
    {
        var match = Regex.Match(header, ";\\s*" + name + "\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))", RegexOptions.IgnoreCase);
        return match.Success ? (match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value) : string.Empty;
    }

    private static byte[] Base64(string body)
    {
        var clean = new string(body.Where(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/').ToArray());
        clean = clean[..(clean.Length / 4 * 4)];
        return Convert.FromBase64String(clean);
    }

    private static byte[] QuotedPrintable(string body)
    {
        var output = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '=' && i + 1 < body.Length && body[i + 1] == '\n')
                i++;
            else if (c == '=' && i + 2 < body.Length && char.IsAsciiHexDigit(body[i + 1]) && char.IsAsciiHexDigit(body[i + 2]))
            {
                output.Add(System.Convert.ToByte(body.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
                output.Add((byte)c);
        }
        return output.ToArray();
    }

    [GeneratedRegex("^From mboxrd@z ", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    [GeneratedRegex("^>(>*From )", RegexOptions.Multiline)]
    private static partial Regex MboxrdEscape();

    [GeneratedRegex("\n[ \t]+")]
    private static partial Regex Folding();
}
