using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ListArchive.Analysis.Threading;

namespace ListArchive.Analysis.Tests.Fixtures;

/// <summary>
/// TEST-ONLY loader for notmuch's test corpora (../shared/corpora/notmuch-corpora): unpacks the
/// tarball with the system `tar` into a temporary folder and reads the threading headers with a
/// deliberately small header reader (unfolding, RFC 2047 encoded words, common date forms).
/// It exists only because ListArchive.Mail's parser and tar reader are being written in parallel;
/// replace it with ListArchive.Mail's Maildir reader and parser once that is merged.
/// </summary>
public sealed partial class NotmuchCorpusFixture : IDisposable
{
    private readonly string _root;

    public NotmuchCorpusFixture()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var folder = Path.Combine(CorpusPaths.Corpora, "notmuch-corpora");
        Tarball = Path.Combine(folder, "notmuch-test-corpora.tar.gz");
        ExpectedDefaultThreads = Path.Combine(folder, "expected-threads-default-corpus.txt");
        if (!File.Exists(Tarball) || !File.Exists(ExpectedDefaultThreads))
        {
            throw new InvalidOperationException($"notmuch corpus files are missing in {folder}.");
        }

        _root = Path.Combine(Path.GetTempPath(), "listarchive-notmuch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        var start = new ProcessStartInfo("tar") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "xzf", Tarball, "-C", _root })
        {
            start.ArgumentList.Add(argument);
        }

        using var tar = Process.Start(start) ?? throw new InvalidOperationException("Could not start tar.");
        var error = tar.StandardError.ReadToEnd();
        tar.WaitForExit();
        if (tar.ExitCode != 0)
        {
            throw new InvalidOperationException($"tar failed ({tar.ExitCode}): {error}");
        }
    }

    public string Tarball { get; }

    public string ExpectedDefaultThreads { get; }

    /// <summary>Every message file under corpora/<paramref name="subfolder"/>, in ordinal path order.</summary>
    public IReadOnlyList<CorpusMessage> Load(string subfolder)
    {
        var folder = Path.Combine(_root, "corpora", subfolder);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"corpora/{subfolder} is not in {Tarball}.");
        }

        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        return [.. files.Select(file => Read(file, Path.GetRelativePath(folder, file)))];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static CorpusMessage Read(string path, string relativePath)
    {
        var headers = ReadHeaders(File.ReadAllBytes(path));
        var messageId = Ids(headers.GetValueOrDefault("message-id")).FirstOrDefault()
            ?? NullIfEmpty(headers.GetValueOrDefault("message-id")?.Trim())
            // Callers must give id-less messages a stable synthetic id (ThreadInput's contract).
            ?? "synthetic:" + relativePath;
        var input = new ThreadInput(
            messageId,
            Ids(headers.GetValueOrDefault("references")),
            Ids(headers.GetValueOrDefault("in-reply-to")),
            headers.TryGetValue("subject", out var subject) ? DecodeEncodedWords(subject).Trim() : null,
            ParseDate(headers.GetValueOrDefault("date")));
        return new CorpusMessage(relativePath, input);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Header block up to the first empty line, unfolded (RFC 5322 §2.2.3); first occurrence wins.</summary>
    private static Dictionary<string, string> ReadHeaders(byte[] bytes)
    {
        var end = bytes.Length;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == '\n' && (bytes[i + 1] == '\n' || (bytes[i + 1] == '\r' && i + 2 < bytes.Length && bytes[i + 2] == '\n')))
            {
                end = i;
                break;
            }
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, end);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes, 0, end);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        var value = new StringBuilder();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                value.Append(line);
                continue;
            }

            Flush();
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                name = line[..colon].Trim();
                value.Append(line[(colon + 1)..]);
            }
        }

        Flush();
        return headers;

        void Flush()
        {
            if (name is not null)
            {
                headers.TryAdd(name, value.ToString().Trim());
            }

            name = null;
            value.Clear();
        }
    }

    private static string[] Ids(string? value) =>
        value is null ? [] : [.. IdPattern().Matches(value).Select(match => match.Groups[1].Value.Trim())];

    private static string DecodeEncodedWords(string value)
    {
        // RFC 2047 §6.2: white space between adjacent encoded words is not displayed.
        var joined = AdjacentEncodedWords().Replace(value, "?==?");
        return EncodedWord().Replace(joined, match =>
        {
            try
            {
                var encoding = Encoding.GetEncoding(match.Groups[1].Value.Split('*')[0]);
                var payload = match.Groups[3].Value;
                if (match.Groups[2].Value is "B" or "b")
                {
                    return encoding.GetString(Convert.FromBase64String(payload));
                }

                var bytes = new List<byte>();
                for (var i = 0; i < payload.Length; i++)
                {
                    if (payload[i] == '_')
                    {
                        bytes.Add((byte)' ');
                    }
                    else if (payload[i] == '=' && i + 2 < payload.Length)
                    {
                        bytes.Add(byte.Parse(payload.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 2;
                    }
                    else
                    {
                        bytes.Add((byte)payload[i]);
                    }
                }

                return encoding.GetString([.. bytes]);
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException)
            {
                return match.Value;
            }
        });
    }

    /// <summary>RFC 5322 §3.3 dates with the obsolete zone names of §4.3; null when unreadable.</summary>
    private static DateTimeOffset? ParseDate(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var tokens = Comment().Replace(value, " ").Replace(',', ' ')
            .Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count > 0 && char.IsLetter(tokens[0][0]))
        {
            tokens.RemoveAt(0); // day of week
        }

        if (tokens.Count < 4
            || !int.TryParse(tokens[0], CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(tokens[2], CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        var month = Array.FindIndex(Months, m => tokens[1].StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;
        var time = tokens[3].Split(':');
        if (month == 0 || time.Length < 2
            || !int.TryParse(time[0], CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(time[1], CultureInfo.InvariantCulture, out var minute))
        {
            return null;
        }

        var second = time.Length > 2 && int.TryParse(time[2], CultureInfo.InvariantCulture, out var s) ? s : 0;
        year = year < 50 ? year + 2000 : year < 1000 ? year + 1900 : year;
        var zone = tokens.Count > 4 ? tokens[4] : "+0000";
        var offsetMinutes = zone switch
        {
            ['+' or '-', ..] when zone.Length == 5 && int.TryParse(zone.AsSpan(1), CultureInfo.InvariantCulture, out var hhmm)
                => (zone[0] == '-' ? -1 : 1) * ((hhmm / 100 * 60) + (hhmm % 100)),
            "EST" => -300, "EDT" => -240, "CST" => -360, "CDT" => -300,
            "MST" => -420, "MDT" => -360, "PST" => -480, "PDT" => -420,
            _ => 0,
        };
        try
        {
            return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    [GeneratedRegex(@"<([^<>]+)>")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex AdjacentEncodedWords();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Comment();
}

/// <summary>One corpus file and the threading headers read from it.</summary>
public sealed record CorpusMessage(string RelativePath, ThreadInput Input);
