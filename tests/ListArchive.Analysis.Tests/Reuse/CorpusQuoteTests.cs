using System.Text;
using ListArchive.Analysis.Reuse;
using ListArchive.Analysis.Segments;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;
using ListArchive.Testing;
using Xunit.Abstractions;

namespace ListArchive.Analysis.Tests.Reuse;

/// <summary>
/// Real replies from twisted-python with <c>&gt;</c> quotes of their parent: the markers are stripped and the
/// quoted lines re-wrapped to another width (as an Outlook reply would carry them), then the reply is aligned
/// against the parent's own text. The true quote ranges are known, so character precision and recall are measured.
/// </summary>
public sealed class CorpusQuoteTests(ITestOutputHelper output)
{
    private const int RewrapWidth = 47;

    private sealed record Case(string MessageId, string Degraded, List<(int Start, int End)> Truth, string ParentOwn);

    private static List<Case> Cases(string month)
    {
        var messages = new Dictionary<string, MimeMessage>(StringComparer.Ordinal);
        var order = new List<MimeMessage>();
        foreach (var raw in MailSources.Open(RepoPaths.Corpus("twisted-python-pipermail", month)))
        {
            var m = MimeMessage.Parse(raw.Bytes);
            if (m.MessageId is { } id && messages.TryAdd(id, m))
            {
                order.Add(m);
            }
        }

        var cases = new List<Case>();
        foreach (var reply in order)
        {
            if (reply.InReplyTo.Count == 0 || !messages.TryGetValue(reply.InReplyTo[0], out var parent))
            {
                continue;
            }

            var parentOwn = Segmenter.Segment(parent.GetBody().Text).OwnText;
            var parentWords = WordStream.Create(parentOwn).Tokens.ToArray().Select(t => t.Hash).ToArray();
            var body = Segmenter.Segment(reply.GetBody().Text);
            var quotes = body.Segments.Where(s => s.Kind == SegmentKind.Quote).ToList();
            if (quotes.Count == 0)
            {
                continue;
            }

            // Only replies whose every quote is a ≥ 10-word passage of the parent's own text, so that the
            // answer (which characters are the parent's words) is unambiguous.
            var usable = true;
            var sb = new StringBuilder();
            var truth = new List<(int, int)>();
            var at = 0;
            foreach (var q in quotes)
            {
                var stripped = string.Join('\n', body.GetText(q).Split('\n').Select(l => l[QuoteMarkers.Measure(l).MarkerLength..]));
                var words = WordStream.Create(stripped).Tokens.ToArray().Select(t => t.Hash).ToArray();
                if (q.Depth != 1 || words.Length < 10 || !Contains(parentWords, words))
                {
                    usable = false;
                    break;
                }

                sb.Append(body.Text, at, q.Start - at);
                var wrapped = Rewrap(stripped);
                truth.Add((sb.Length, sb.Length + wrapped.Length));
                sb.Append(wrapped).Append('\n');
                at = q.End;
            }

            if (!usable)
            {
                continue;
            }

            sb.Append(body.Text, at, body.Text.Length - at);
            cases.Add(new Case(reply.MessageId!, sb.ToString(), truth, parentOwn));
        }

        return cases;
    }

    private static bool Contains(ulong[] haystack, ulong[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return true;
            }
        }

        return false;
    }

    private static string Rewrap(string text)
    {
        var sb = new StringBuilder();
        var line = 0;
        foreach (var word in text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (line > 0 && line + 1 + word.Length > RewrapWidth)
            {
                sb.Append('\n');
                line = 0;
            }
            else if (line > 0)
            {
                sb.Append(' ');
                line++;
            }

            sb.Append(word);
            line += word.Length;
        }

        return sb.ToString();
    }

    [Theory]
    [InlineData("2009-March.txt.gz")]
    [InlineData("2012-June.txt.gz")]
    public void Rewrapped_unmarked_quotes_are_found_with_character_F1_at_least_095(string month)
    {
        var cases = Cases(month);
        Assert.True(cases.Count >= 15, $"only {cases.Count} usable replies in {month}");
        long truthChars = 0, foundChars = 0, overlap = 0;
        var aligner = new ReuseAligner();
        var worst = new List<string>();
        foreach (var c in cases)
        {
            var inTruth = new bool[c.Degraded.Length];
            foreach (var (s, e) in c.Truth)
            {
                Array.Fill(inTruth, true, s, e - s);
            }

            var inFound = new bool[c.Degraded.Length];
            foreach (var span in aligner.Align(c.Degraded, c.ParentOwn))
            {
                Array.Fill(inFound, true, span.MessageStart, span.MessageLength);
            }

            long t = 0, f = 0, o = 0;
            for (var i = 0; i < inTruth.Length; i++)
            {
                // White space is nobody's words: count only visible characters.
                if (char.IsWhiteSpace(c.Degraded[i]))
                {
                    continue;
                }

                t += inTruth[i] ? 1 : 0;
                f += inFound[i] ? 1 : 0;
                o += inTruth[i] && inFound[i] ? 1 : 0;
            }

            if (o < 0.9 * t || o < 0.9 * f)
            {
                worst.Add($"{c.MessageId}: truth {t} found {f} overlap {o}");
            }

            truthChars += t;
            foundChars += f;
            overlap += o;
        }

        var precision = overlap / (double)foundChars;
        var recall = overlap / (double)truthChars;
        var f1 = 2 * precision * recall / (precision + recall);
        output.WriteLine($"{month}: {cases.Count} replies, {truthChars} quoted chars, P {precision:F3} R {recall:F3} F1 {f1:F3}; {worst.Count} below 0.9");
        Assert.True(f1 >= 0.95, $"{month}: {cases.Count} replies, P {precision:F3} R {recall:F3} F1 {f1:F3}; below 0.9: {string.Join("; ", worst)}");
        Assert.True(worst.Count <= cases.Count / 10, $"{month}: {worst.Count} of {cases.Count} replies below 0.9: {string.Join("; ", worst)}");
    }
}
