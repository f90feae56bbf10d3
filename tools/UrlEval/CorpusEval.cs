using System.Diagnostics;
using ListArchive.Analysis.Links;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;

namespace ListArchive.Tools.UrlEval;

/// <summary>
/// Scans every corpus folder: per outermost wrapper format the wrapped URLs found in message bodies
/// (GetBody().Text, as import sees them), how many were unwrapped or kept opaque, and the recipient
/// parameters still found by <see cref="RecipientData.Find"/> after unwrapping (expected 0), and in
/// the redacted raw copies (<see cref="RawRedactor"/>); and the wrapped links of every text/html
/// part through <see cref="LinkUnwrapper.UnwrapHtml"/> with what is left after it.
/// </summary>
internal static class CorpusEval
{
    public static int Run(string corporaDir, TextWriter output)
    {
        var total = new SortedDictionary<string, Counts>(StringComparer.Ordinal);
        int leftTotal = 0;
        output.WriteLine();
        output.WriteLine($"{"corpus",-28} {"messages",9} {"with links",10} {"found",6} {"unwrapped",9} {"opaque",6} {"params before",13} {"left",5} {"raw left",8} {"html links",10} {"html left",9} {"s",6}");
        foreach (var corpus in Directory.GetDirectories(corporaDir).Order(StringComparer.Ordinal))
        {
            var sw = Stopwatch.StartNew();
            int messages = 0, withLinks = 0, found = 0, unwrapped = 0, opaque = 0, before = 0, left = 0, rawLeft = 0, htmlLinks = 0, htmlLeft = 0;
            foreach (var raw in MailSources.Open(corpus))
            {
                messages++;
                var parsed = MimeMessage.Parse(raw.Bytes);
                foreach (var part in Leaves(parsed.Body).Where(p => p.ContentType.Is("text", "html")))
                {
                    var html = part.GetText();
                    var unwrappedHtml = LinkUnwrapper.UnwrapHtml(html);
                    htmlLinks += unwrappedHtml.Links.Count;
                    htmlLeft += RecipientData.Find(unwrappedHtml.Text).Count;
                }

                var text = parsed.GetBody().Text;
                var result = LinkUnwrapper.UnwrapText(text);
                if (result.Links.Count == 0) continue;
                withLinks++;
                before += RecipientData.Find(text).Count;
                var leftHere = RecipientData.Find(result.Text);
                left += leftHere.Count;
                foreach (var link in result.Links)
                {
                    found++;
                    if (link.IsOpaque) opaque++;
                    else unwrapped++;
                    var c = total.GetValueOrDefault(link.Formats[0]) ?? new Counts();
                    c.Found++;
                    if (link.IsOpaque) c.Opaque++;
                    else c.Unwrapped++;
                    if (link.Formats.Count > 1) c.Nested++;
                    total[link.Formats[0]] = c;
                }

                foreach (var f in leftHere)
                {
                    var c = total.GetValueOrDefault(f.Format) ?? new Counts();
                    c.Left++;
                    total[f.Format] = c;
                }

                var redacted = MimeMessage.Parse(RawRedactor.RedactRaw(raw.Bytes)).GetBody().Text;
                rawLeft += RecipientData.Find(redacted).Count;
            }

            leftTotal += left + rawLeft + htmlLeft;
            output.WriteLine($"{Path.GetFileName(corpus),-28} {messages,9:N0} {withLinks,10:N0} {found,6:N0} {unwrapped,9:N0} {opaque,6:N0} {before,13:N0} {left,5:N0} {rawLeft,8:N0} {htmlLinks,10:N0} {htmlLeft,9:N0} {sw.Elapsed.TotalSeconds,6:F1}");
        }

        output.WriteLine();
        output.WriteLine($"{"outer format",-18} {"found",6} {"unwrapped",9} {"opaque",6} {"nested",6} {"left",5}");
        foreach (var (format, c) in total)
        {
            output.WriteLine($"{format,-18} {c.Found,6:N0} {c.Unwrapped,9:N0} {c.Opaque,6:N0} {c.Nested,6:N0} {c.Left,5:N0}");
        }

        return leftTotal;
    }

    private static IEnumerable<MimeEntity> Leaves(MimeEntity e) =>
        e.Children.Count > 0 ? e.Children.SelectMany(Leaves) : e.Message is { } m ? Leaves(m.Body) : [e];

    private sealed class Counts
    {
        public int Found;
        public int Unwrapped;
        public int Opaque;
        public int Nested;
        public int Left;
    }
}
