using ListArchive.Analysis.Segments;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>
/// Scores the segmenter against the labelled set. Own text: the labelled own lines joined with
/// '\n' against the segmenter's own segments joined with '\n', both whitespace-normalised
/// (<see cref="LabelledLines.Normalise"/>). Line kinds: a line takes the kind of the segment that
/// holds its first non-blank character. Authors: a labelled quote's author is found when the
/// segmenter's segment on the quote's first non-blank line names it (name or address, either
/// containing the other, ignoring case).
/// </summary>
internal static class LabelledScorer
{
    public static readonly IReadOnlyList<string> Kinds = ["own", "quote", "attribution", "forward", "signature", "footer", "boilerplate"];

    /// <summary>Reads the corpora first (so the trailer learners have seen every message of each list), then scores each label.</summary>
    public static IReadOnlyList<LabelledScore> ScoreAll(IReadOnlyList<LabelledMessage> labels, LabelledBodies? bodies = null)
    {
        bodies ??= new LabelledBodies();
        bodies.Prepare(labels);
        var found = new List<(LabelledMessage Label, LabelledBody? Body, string? Error)>();
        foreach (var label in labels)
        {
            var body = bodies.Find(label, out var error);
            found.Add((label, body, error));
        }

        var scores = new List<LabelledScore>(found.Count);
        foreach (var (label, body, error) in found)
        {
            if (body is null)
            {
                scores.Add(Failed(label, error ?? "not found"));
                continue;
            }

            if (!string.Equals(body.Sha256, label.BodySha256, StringComparison.OrdinalIgnoreCase))
            {
                scores.Add(Failed(label, $"body changed: sha256 {body.Sha256}, label made on {label.BodySha256}"));
                continue;
            }

            var problem = CheckLabel(label, body);
            if (problem is not null)
            {
                scores.Add(Failed(label, problem));
                continue;
            }

            var segmented = Segmenter.Segment(body.Text, bodies.ContextFor(body));
            scores.Add(Score(label, body, segmented));
        }

        return scores;
    }

    /// <summary>Null when the label is well formed for this body: known kinds, ranges inside the body, no overlap, every non-blank line covered.</summary>
    public static string? CheckLabel(LabelledMessage label, LabelledBody body)
    {
        var lines = body.Lines;
        var cover = new string?[lines.Count + 1];
        foreach (var segment in label.Segments)
        {
            if (!Kinds.Contains(segment.Kind))
            {
                return $"unknown kind '{segment.Kind}'";
            }

            int first, last;
            try
            {
                first = segment.First;
                last = segment.Last;
            }
            catch (FormatException)
            {
                return $"bad line range '{segment.Lines}'";
            }

            if (first < 1 || last > lines.Count || first > last)
            {
                return $"line range {segment.Lines} outside 1-{lines.Count}";
            }

            for (var i = first; i <= last; i++)
            {
                if (cover[i] is not null)
                {
                    return $"line {i} labelled twice";
                }

                cover[i] = segment.Kind;
            }
        }

        for (var i = 1; i <= lines.Count; i++)
        {
            if (cover[i] is null && !string.IsNullOrWhiteSpace(lines[i - 1]))
            {
                return $"line {i} is not blank and has no label";
            }
        }

        return null;
    }

    public static LabelledScore Score(LabelledMessage label, LabelledBody body, SegmentedBody segmented)
    {
        var lines = body.Lines;
        var starts = LabelledLines.Starts(body.Text);
        var expectedKind = new string?[lines.Count + 1];
        foreach (var segment in label.Segments)
        {
            for (var i = segment.First; i <= segment.Last; i++)
            {
                expectedKind[i] = segment.Kind;
            }
        }

        var expectedOwn = string.Join("\n", Enumerable.Range(1, lines.Count).Where(i => expectedKind[i] == "own").Select(i => lines[i - 1]));
        var actualOwn = string.Join("\n", segmented.Segments.Where(s => s.Kind == SegmentKind.Own).Select(segmented.GetText));
        var ownExact = LabelledLines.Normalise(expectedOwn) == LabelledLines.Normalise(actualOwn);
        string[] unquotedKinds = ["own", "signature", "boilerplate"];
        var expectedUnquoted = string.Join("\n", Enumerable.Range(1, lines.Count).Where(i => unquotedKinds.Contains(expectedKind[i])).Select(i => lines[i - 1]));
        var actualUnquoted = string.Join("\n", segmented.Segments.Where(s => s.Kind is SegmentKind.Own or SegmentKind.Signature or SegmentKind.Boilerplate).Select(segmented.GetText));
        var unquotedExact = LabelledLines.Normalise(expectedUnquoted) == LabelledLines.Normalise(actualUnquoted);

        var kinds = new List<LabelledLineKind>(lines.Count);
        int compared = 0, agreeing = 0;
        for (var i = 1; i <= lines.Count; i++)
        {
            var text = lines[i - 1];
            var at = SegmentAt(segmented, starts[i - 1] + LeadingBlank(text));
            var actual = at is null ? "none" : Name(at.Kind);
            kinds.Add(new LabelledLineKind(i, text, expectedKind[i], actual));
            if (!string.IsNullOrWhiteSpace(text) && expectedKind[i] is { } expected)
            {
                compared++;
                if (expected == actual)
                {
                    agreeing++;
                }
            }
        }

        int authorsLabelled = 0, authorsFound = 0;
        foreach (var segment in label.Segments.Where(s => s.Kind == "quote" && !string.IsNullOrEmpty(s.Author)))
        {
            authorsLabelled++;
            var line = Enumerable.Range(segment.First, segment.Last - segment.First + 1).FirstOrDefault(i => !string.IsNullOrWhiteSpace(lines[i - 1]), segment.First);
            var at = SegmentAt(segmented, starts[line - 1] + LeadingBlank(lines[line - 1]));
            if (at?.Author is { } author && (Names(author.Name, segment.Author!) || Names(author.Address, segment.Author!)))
            {
                authorsFound++;
            }
        }

        return new LabelledScore(label, null, ownExact, unquotedExact, compared, agreeing, authorsLabelled, authorsFound, kinds);
    }

    public static string Name(SegmentKind kind) => kind.ToString().ToLowerInvariant();

    private static bool Names(string? found, string labelled)
    {
        if (string.IsNullOrWhiteSpace(found))
        {
            return false;
        }

        var f = Address(found);
        var l = Address(labelled);
        return f.Contains(l, StringComparison.OrdinalIgnoreCase) || l.Contains(f, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Pipermail writes addresses as "user at host" (Spanish and Portuguese lists: "en", "em"); labels keep the text as written.</summary>
    private static string Address(string text) =>
        text.Trim().Replace(" at ", "@", StringComparison.Ordinal).Replace(" en ", "@", StringComparison.Ordinal).Replace(" em ", "@", StringComparison.Ordinal);

    private static Segment? SegmentAt(SegmentedBody segmented, int offset)
    {
        foreach (var s in segmented.Segments)
        {
            if (offset >= s.Start && offset < s.Start + s.Length)
            {
                return s;
            }
        }

        return null;
    }

    private static int LeadingBlank(string line)
    {
        var i = 0;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        return i;
    }

    private static LabelledScore Failed(LabelledMessage label, string error) => new(label, error, false, false, 0, 0, 0, 0, []);
}
