using System.Text.Json;
using ListArchive.Analysis.Segments;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;

namespace ListArchive.Tools.SegmentBench;

/// <summary>
/// <c>labels DIR</c>: a quick own-text check against a folder of hand-labelled <c>*.jsonl</c> files
/// (the labelled set and its scorer are their own tool; this is the segmenter author's smoke check).
/// A message counts as right when its own text equals the labelled own lines after whitespace normalisation.
/// </summary>
internal static class LabelCheck
{
    public static int Run(string dir, bool verbose)
    {
        var corpora = Corpora.Root();
        var perCase = new SortedDictionary<string, (int Right, int Total)>(StringComparer.Ordinal);
        var right = 0;
        var total = 0;
        foreach (var file in Directory.GetFiles(dir, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var corpus = root.GetProperty("corpus").GetString()!;
                var path = root.GetProperty("file").GetString()!;
                var id = root.TryGetProperty("messageId", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()!.Trim('<', '>') : null;
                var kase = root.TryGetProperty("case", out var c) ? c.GetString() ?? "?" : "?";
                var body = Find(corpus, path, id, corpora);
                if (body is null)
                {
                    Console.WriteLine($"not found: {corpus} {path} {id}");
                    continue;
                }

                var lines = body.Value.Text.Split('\n');
                var own = new List<string>();
                foreach (var seg in root.GetProperty("segments").EnumerateArray())
                {
                    if (seg.GetProperty("kind").GetString() != "own")
                    {
                        continue;
                    }

                    var range = seg.GetProperty("lines");
                    var spec = range.ValueKind == JsonValueKind.Number ? range.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : range.GetString()!;
                    var parts = spec.Split('-');
                    var from = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
                    var to = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : from;
                    for (var k = from; k <= to && k <= lines.Length; k++)
                    {
                        own.Add(lines[k - 1]);
                    }
                }

                Learn(corpus, corpora);
                var signature = body.Value.From is { Length: > 0 } f ? Signatures.GetTrailer(f) : null;
                var result = Segmenter.Segment(body.Value.Text, new SegmenterContext
                {
                    HtmlQuotes = body.Value.Quotes,
                    ListFooter = corpus is "seeds" or "governance" ? null : Footers.GetTrailer(corpus),
                    AuthorSignatures = signature is null ? null : [signature],
                });
                var ok = Norm(string.Join('\n', own)) == Norm(result.OwnText);
                total++;
                right += ok ? 1 : 0;
                var (r, t) = perCase.GetValueOrDefault(kase);
                perCase[kase] = (r + (ok ? 1 : 0), t + 1);
                if (!ok)
                {
                    Console.WriteLine($"WRONG {corpus} {path} {id} [{kase}]");
                    if (verbose)
                    {
                        var a = Norm(string.Join('\n', own));
                        var b = Norm(result.OwnText);
                        var k = 0;
                        while (k < a.Length && k < b.Length && a[k] == b[k])
                        {
                            k++;
                        }

                        var from = Math.Max(0, k - 60);
                        Console.WriteLine("  label: …" + a[from..Math.Min(a.Length, k + 100)]);
                        Console.WriteLine("  mine:  …" + b[from..Math.Min(b.Length, k + 100)]);
                        Console.WriteLine($"  from {body.Value.From}: learned signature [{signature}]");
                    }
                }
            }
        }

        foreach (var (kase, (r, t)) in perCase)
        {
            Console.WriteLine($"{kase,-28} {r,4}/{t,-4} {100.0 * r / Math.Max(1, t):F1}%");
        }

        Console.WriteLine($"all {right}/{total} {100.0 * right / Math.Max(1, total):F1}%");
        return 0;
    }

    private static readonly TrailerLearner Footers = new();
    private static readonly TrailerLearner Signatures = new();
    private static readonly HashSet<string> Learned = new(StringComparer.Ordinal);

    /// <summary>As the archive would: every message of the corpus feeds the list's and the sender's learner.</summary>
    private static void Learn(string corpus, string corpora)
    {
        if (corpus is "seeds" or "governance" || !Learned.Add(corpus))
        {
            return;
        }

        foreach (var raw in MailSources.Open(Path.Combine(corpora, corpus)))
        {
            if (MimeMessage.TryParse(raw.Bytes, out var message))
            {
                var text = message.GetBody().Text;
                Footers.Add(corpus, text);
                if (message.From.Count > 0 && message.From[0].Address.Length > 0)
                {
                    Signatures.Add(message.From[0].Address, text);
                }
            }
        }
    }

    private static string Trunc(string s) => s.Length > 400 ? s[..200] + " … " + s[^200..] : s;

    private static string Norm(string s) => string.Join(' ', s.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static (string Text, IReadOnlyList<ListArchive.Mail.Html.QuoteRange>? Quotes, string? From)? Find(string corpus, string file, string? id, string corpora)
    {
        if (corpus == "seeds")
        {
            return (File.ReadAllText(Path.Combine(corpora, "..", "seeds", file)), null, null);
        }

        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", ".."));
        var path = corpus == "governance" ? Path.Combine(root, "archives", "governance", file) : Path.Combine(corpora, corpus, file);
        foreach (var raw in MailSources.Open(path))
        {
            var message = MimeMessage.Parse(raw.Bytes);
            if (id is null || message.MessageId == id)
            {
                var body = message.GetBody();
                return (body.Text, body.IsFromHtml ? body.Quotes : null, message.From.Count > 0 ? message.From[0].Address : null);
            }
        }

        return null;
    }
}
