using System.Globalization;
using System.Text;
using ListArchive.Analysis.Segments;

namespace ListArchive.Tools.ReuseEval;

/// <summary>
/// Turns a <c>&gt;</c>-quoted reply into what Outlook sends (issue 6, "An evaluation tool"): markers
/// stripped, the attribution replaced by an Outlook header block or deleted, quoted paragraphs re-wrapped to
/// another width, <c>&lt;url&gt;</c> added after links, and (usually) every quote moved under the reply.
/// Random choices come from the caller's seeded <see cref="Random"/>, so a run is reproducible.
/// The origin of a depth-d quote is the d-th ancestor along In-Reply-To or a farther one
/// (<see cref="DegradedReply.IsOrigin"/>, docs/text-reuse.md §7); when the chain leaves the corpora
/// before depth d the quote is "don't care".
/// </summary>
internal static class Degrader
{
    public static DegradedReply Degrade(EvalMessage reply, IReadOnlyList<EvalMessage> all, Random random)
    {
        var body = reply.Body;
        var moveUnder = random.NextDouble() < 0.7;
        var outlookBlock = random.NextDouble() < 0.5;
        var width = random.Next(50, 101);
        var text = new StringBuilder();
        var labels = new List<int>();
        var origins = new List<long>();
        var depths = new List<int>();
        var ancestors = new List<long>();
        for (var a = reply.Parent; a is { } id && ancestors.Count < 20 && !ancestors.Contains(id); a = all[(int)id].Parent)
        {
            ancestors.Add(id);
        }

        void Emit(string s, int label)
        {
            text.Append(s);
            for (var i = 0; i < s.Length; i++)
            {
                labels.Add(label);
            }
        }

        void EmitBlock()
        {
            if (outlookBlock)
            {
                Emit(OutlookHeader(reply, all), DegradedReply.DontCare);
            }
            else
            {
                Emit("\n", DegradedReply.DontCare);
            }
        }

        void EmitQuote(Segment s)
        {
            var depth = Math.Max(1, s.Depth);
            int label;
            if (depth <= ancestors.Count)
            {
                label = origins.Count;
                origins.Add(ancestors[depth - 1]);
                depths.Add(depth);
            }
            else
            {
                label = DegradedReply.DontCare;
            }

            Rewrap(body.GetText(s), width, label, Emit);
        }

        if (moveUnder)
        {
            foreach (var s in body.Segments)
            {
                if (s.Kind is not (SegmentKind.Quote or SegmentKind.Attribution))
                {
                    Emit(body.GetText(s), s.Kind == SegmentKind.Forward ? DegradedReply.DontCare : DegradedReply.NotQuoted);
                }
            }

            Emit("\n", DegradedReply.DontCare);
            EmitBlock();
            foreach (var s in body.Segments)
            {
                if (s.Kind == SegmentKind.Quote)
                {
                    EmitQuote(s);
                    Emit("\n", DegradedReply.DontCare);
                }
            }
        }
        else
        {
            foreach (var s in body.Segments)
            {
                switch (s.Kind)
                {
                    case SegmentKind.Attribution:
                        EmitBlock();
                        break;
                    case SegmentKind.Quote:
                        EmitQuote(s);
                        Emit("\n", DegradedReply.DontCare);
                        break;
                    default:
                        Emit(body.GetText(s), s.Kind == SegmentKind.Forward ? DegradedReply.DontCare : DegradedReply.NotQuoted);
                        break;
                }
            }
        }

        var thread = new HashSet<long>();
        foreach (var m in ancestors.Select(a => all[(int)a]).Prepend(reply))
        {
            foreach (var r in m.References)
            {
                if (Corpora.ById.TryGetValue(r, out var id) && id != reply.Id)
                {
                    thread.Add(id);
                }
            }
        }

        return new DegradedReply(text.ToString(), [.. labels], origins, depths, ancestors, thread, moveUnder, outlookBlock);
    }

    private static string OutlookHeader(EvalMessage reply, IReadOnlyList<EvalMessage> all)
    {
        // The block Outlook writes above the quoted message (cf. seed 001_* in ../shared/seeds).
        var parent = reply.Parent is { } p ? all[(int)p] : null;
        var from = parent is null ? "someone@example.org" : parent.FromName is { } n ? $"{n} <{parent.FromAddress}>" : parent.FromAddress ?? "";
        var sent = parent?.Date?.ToString("dddd, MMMM d, yyyy h:mm tt", CultureInfo.InvariantCulture) ?? "";
        return $"\n________________________________\nFrom: {from}\nSent: {sent}\nTo: {reply.Corpus}@lists.example.org\nSubject: {parent?.Subject ?? reply.Subject}\n\n";
    }

    private static void Rewrap(string quoted, int width, int label, Action<string, int> emit)
    {
        // The quoted message's signature and list footer are quoted too, but they are not its author's
        // words and not in its own text (the index holds own text only): segmenting the unmarked quote
        // finds them, and they are "don't care" (first run: bulmages replies quoting the parent's
        // Mailman footer, attributed to the one message whose footer the segmenter had missed).
        var lines = quoted.Split('\n').Select(StripMarkers).ToArray();
        var inner = Segmenter.Segment(string.Join('\n', lines));
        var lineLabels = new int[lines.Length];
        var offset = 0;
        for (var l = 0; l < lines.Length; l++)
        {
            var kind = inner.Segments.LastOrDefault(s => s.Start <= offset)?.Kind ?? SegmentKind.Own;
            lineLabels[l] = kind is SegmentKind.Own or SegmentKind.Quote ? label : DegradedReply.DontCare;
            offset += lines[l].Length + 1;
        }

        // A quoted Mailman footer in the middle of a quote (the segmenter only looks for footers at the
        // end): underscores, then "LIST mailing list", through the listinfo line (the rule of
        // Trailers.IsMailmanFooterStart). Pipermail archives store messages without the footer, so it is
        // in no message's text; bulmages replies quote it (first run of this tool).
        for (var l = 0; l + 1 < lines.Length; l++)
        {
            var t = lines[l].Trim();
            if (t.Length >= 2 && t.All(c => c == '_') && (lines[l + 1].Contains("mailing list", StringComparison.OrdinalIgnoreCase) || lines[l + 1].Contains("lista de correo", StringComparison.OrdinalIgnoreCase)))
            {
                for (var k = l; k < lines.Length && k <= l + 4; k++)
                {
                    lineLabels[k] = DegradedReply.DontCare;
                    if (lines[k].Contains("listinfo", StringComparison.OrdinalIgnoreCase))
                    {
                        break;
                    }
                }
            }
        }

        var paragraphs = new List<List<(string Word, int Label)>>();
        var current = new List<(string Word, int Label)>();
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l];
            if (line.Trim().Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(current);
                    current = [];
                }

                continue;
            }

            current.AddRange(line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => (w, lineLabels[l])));
        }

        if (current.Count > 0)
        {
            paragraphs.Add(current);
        }

        for (var p = 0; p < paragraphs.Count; p++)
        {
            if (p > 0)
            {
                emit("\n\n", label);
            }

            var column = 0;
            foreach (var (word, wordLabel) in paragraphs[p])
            {
                if (column > 0 && column + 1 + word.Length > width)
                {
                    emit("\n", label);
                    column = 0;
                }
                else if (column > 0)
                {
                    emit(" ", label);
                    column++;
                }

                emit(word, wordLabel);
                column += word.Length;
                if (word.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || word.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                {
                    // Outlook's plain-text rendering of a link: the href in angle brackets right after it.
                    var annotation = "<" + word.TrimEnd('.', ',', ')', ';', ':') + ">";
                    emit(annotation, DegradedReply.DontCare);
                    column += annotation.Length;
                }
            }
        }
    }

    private static string StripMarkers(string line)
    {
        var i = 0;
        while (i < line.Length && (line[i] == '>' || line[i] == ' ' || line[i] == '\t'))
        {
            i++;
        }

        return line[i..];
    }
}
