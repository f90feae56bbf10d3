using System.Text;
using System.Text.RegularExpressions;
using ListArchive.Mail.Html;

namespace ListArchive.Analysis.Segments;

/// <summary>
/// One segmentation run: classifies every line, then merges equal neighbours into segments. Lines
/// are the unit because every marker of issue 5 is line-based; HTML quote ranges are mapped onto the
/// lines they cover. Order of decisions: footer (from the end), learned signatures, then one pass
/// from the top for header blocks, attributions, signatures and boilerplate; then quoted authors
/// flow from each attribution to the quotes one level deeper (docs/segmentation.md).
/// </summary>
internal sealed partial class SegmentBuilder
{
    private readonly string text;
    private readonly SegmenterContext? context;
    private readonly List<AttributionInfo> infos = [];
    private readonly List<SegmentDiagnostic> diagnostics = [];
    private int n;
    private int[] starts = [];
    private int[] ends = [];
    private int[] markerDepth = [];
    private int[] markerLength = [];
    private int[] depth = [];
    private int[] info = [];
    private SegmentKind[] kind = [];
    private bool[] assigned = [];
    private string?[] cite = [];
    private bool[] htmlOutlook = [];
    private bool markerlessReported;

    /// <summary>
    /// Quoted regions taken from attributions and header blocks without markers. Each runs to the end
    /// of the body, so a hostile body of thousands of attribution lines would cost quadratic time;
    /// real threads nest a few dozen at most. Beyond this, further unmarked regions are left as they
    /// are, with a diagnostic.
    /// </summary>
    private const int MaxMarkedRegions = 100;
    private int markedRegions;

    public SegmentBuilder(string text, SegmenterContext? context)
    {
        this.text = text;
        this.context = context;
    }

    public SegmentedBody Build()
    {
        if (text.Length == 0)
        {
            return new SegmentedBody(text, [], []);
        }

        SplitLines();
        if (context?.HtmlQuotes is { Count: > 0 } quotes)
        {
            ApplyHtml(quotes);
        }

        FindPythonPrompts();
        for (var i = 0; i < n; i++)
        {
            if (!assigned[i])
            {
                kind[i] = depth[i] > 0 ? SegmentKind.Quote : SegmentKind.Own;
            }
        }

        UnescapeFromLines();
        var footerStart = FindFooter();
        Scan(footerStart);
        MarkLearnedSignatures(footerStart);
        PropagateAuthors();
        FixBlankLines();
        return new SegmentedBody(text, Emit(), diagnostics);
    }

    private ReadOnlySpan<char> Content(int i) => text.AsSpan(starts[i] + markerLength[i], ends[i] - starts[i] - markerLength[i]);

    private ReadOnlySpan<char> Raw(int i) => text.AsSpan(starts[i], ends[i] - starts[i]);

    private bool Blank(int i) => Content(i).IsWhiteSpace();

    private void SplitLines()
    {
        var count = 1;
        for (var p = text.IndexOf('\n'); p >= 0 && p < text.Length - 1; p = text.IndexOf('\n', p + 1))
        {
            count++;
        }

        n = count;
        starts = new int[n];
        ends = new int[n];
        markerDepth = new int[n];
        markerLength = new int[n];
        depth = new int[n];
        info = new int[n];
        kind = new SegmentKind[n];
        assigned = new bool[n];
        cite = new string?[n];
        htmlOutlook = new bool[n];
        var start = 0;
        for (var i = 0; i < n; i++)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl;
            starts[i] = start;
            ends[i] = end > start && text[end - 1] == '\r' ? end - 1 : end;
            var (d, len) = QuoteMarkers.Measure(text.AsSpan(start, ends[i] - start));
            markerDepth[i] = d;
            markerLength[i] = len;
            depth[i] = d;
            info[i] = -1;
            start = nl < 0 ? text.Length : nl + 1;
        }
    }

    private int LineAt(int offset)
    {
        var i = Array.BinarySearch(starts, offset);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }

    /// <summary>HTML quote structure (MessageBody.Quotes, src/ListArchive.Mail/Html/QuoteRange.cs) beats guessing.</summary>
    private void ApplyHtml(IReadOnlyList<QuoteRange> quotes)
    {
        foreach (var q in quotes.Where(q => !q.IsAttribution).OrderBy(q => q.Depth))
        {
            var first = LineAt(q.Start);
            for (var i = first; i < n && starts[i] < q.End; i++)
            {
                depth[i] = Math.Max(depth[i], q.Depth);
                cite[i] = q.CiteMessageId ?? cite[i];
                if (q.Kind == "forward")
                {
                    kind[i] = SegmentKind.Forward;
                    assigned[i] = true;
                }
            }

            if (q.Kind == "outlook-header")
            {
                htmlOutlook[first] = true;
            }
        }

        foreach (var q in quotes.Where(q => q.IsAttribution))
        {
            var first = LineAt(q.Start);
            var last = LineAt(Math.Max(q.Start, q.End - 1));
            var joined = Join(first, last + 1);
            var k = AddInfo(AttributionParser.TryParse(joined.EndsWith(':') ? joined : joined + ":") ?? new AttributionInfo(null, null, false, false), starts[first]);
            for (var i = first; i <= last; i++)
            {
                kind[i] = SegmentKind.Attribution;
                depth[i] = Math.Max(0, q.Depth - 1);
                info[i] = k;
                assigned[i] = true;
            }
        }
    }

    /// <summary>
    /// twisted-python is full of interactive sessions: <c>&gt;&gt;&gt; import x</c> is a Python prompt,
    /// not a third-level quote. A run of such lines with no first/second-level quote around it, that
    /// looks like code or is followed directly by output, is own text.
    /// </summary>
    private void FindPythonPrompts()
    {
        for (var i = 0; i < n; i++)
        {
            if (markerDepth[i] == 0)
            {
                continue;
            }

            var end = i;
            var prompts = true;
            var code = false;
            while (end < n && markerDepth[end] > 0)
            {
                var raw = Raw(end).TrimStart(' ');
                if (!raw.StartsWith(">>>") || (raw.Length > 3 && raw[3] != ' '))
                {
                    prompts = false;
                }
                else
                {
                    code |= raw.IndexOfAny('(', '=') >= 0 || raw[3..].TrimStart().StartsWith("import ") || raw[3..].TrimStart().StartsWith("from ") || raw.TrimEnd() is ">>>";
                }

                end++;
            }

            var before = i > 0 ? markerDepth[i - 1] : 0;
            var after = end < n ? markerDepth[end] : 0;
            var output = end < n && !Blank(end) && markerDepth[end] == 0;
            if (prompts && before == 0 && after == 0 && (code || output) && !(i > 0 && EndsWithColonAttribution(i - 1)))
            {
                for (var j = i; j < end; j++)
                {
                    depth[j] = 0;
                    markerDepth[j] = 0;
                    markerLength[j] = 0;
                }

                diagnostics.Add(new SegmentDiagnostic("python-prompt", starts[i], "'>>> ' lines read as a Python session, not as a quote"));
            }

            i = end;
        }
    }

    private bool EndsWithColonAttribution(int i)
    {
        var c = Content(i).Trim();
        return c.Length > 0 && c[^1] == ':' && AttributionParser.TryParse(c.ToString()) is not null;
    }

    /// <summary>The list footer: the learned block when the text ends with it, else Mailman's standard decoration.</summary>
    private int FindFooter()
    {
        var last = n - 1;
        while (last >= 0 && Blank(last))
        {
            last--;
        }

        if (last < 0)
        {
            return n;
        }

        var footerStart = n;
        if (context?.ListFooter is { Length: > 0 } footer)
        {
            var lines = TrimmedLines(footer);
            if (lines.Length > 0 && MatchesAt(lines, last - lines.Length + 1))
            {
                footerStart = last - lines.Length + 1;
            }
        }

        if (footerStart == n)
        {
            for (var i = last - 1; i >= Math.Max(0, last - 12); i--)
            {
                if (markerDepth[i] == 0 && (Trailers.IsMailmanFooterStart(Raw(i), Raw(i + 1)) || Trailers.IsOtherFooterStart(Raw(i), Raw(i + 1), i + 2 < n ? Raw(i + 2) : default)))
                {
                    footerStart = i;
                    break;
                }
            }
        }

        for (var i = footerStart; i < n; i++)
        {
            kind[i] = SegmentKind.Footer;
            depth[i] = 0;
            assigned[i] = true;
        }

        return footerStart;
    }

    private void MarkLearnedSignatures(int footerStart)
    {
        if (context?.AuthorSignatures is not { Count: > 0 } signatures)
        {
            return;
        }

        foreach (var signature in signatures)
        {
            // Blank lines do not count: the same sign-off is spaced differently from message to message
            // ("Thanks,\n\nTrey" / "Thanks,\nTrey", clearwater-pipermail).
            var lines = TrimmedLines(signature).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
            // Where each line of the signature occurs in the body, last first: a part can only start on
            // a line equal to its first line. One pass over the body instead of one per part (a
            // 12-line signature has 23 parts; scanning the body for each cost the import seconds).
            var occurrences = Occurrences(lines, footerStart);
            foreach (var part in SignatureParts(lines))
            {
                var at = LastOwnEnding(part, occurrences.GetValueOrDefault(part[0], []), footerStart, out var end);
                if (at < 0)
                {
                    continue;
                }

                var from = at > 0 && Raw(at - 1).TrimEnd() is "--" && kind[at - 1] == SegmentKind.Own ? at - 1 : at;
                for (var j = from; j < end; j++)
                {
                    kind[j] = SegmentKind.Signature;
                    assigned[j] = true;
                }

                break;
            }
        }
    }

    /// <summary>
    /// The learned block, then (longest first) its first lines — "Thanks,\nTrey" without the contact
    /// block this time — and its last lines — "Chris" without the "Yours," above it. A one-line prefix
    /// ("Thanks,") is too common to say anything, so prefixes have two lines at least. Any last lines
    /// of a learned block are themselves a learned block: <see cref="TrailerLearner"/> grows the block
    /// upwards line by line while enough messages share it, so they end at least as many messages.
    /// </summary>
    private static IEnumerable<string[]> SignatureParts(string[] lines)
    {
        if (lines.Length == 0)
        {
            yield break;
        }

        yield return lines;
        for (var take = lines.Length - 1; take >= 1; take--)
        {
            if (take >= 2)
            {
                yield return lines[..take];
            }

            var last = lines[^take..];
            if (last.Any(l => l.Any(char.IsLetter)))
            {
                yield return last;
            }
        }
    }

    /// <summary>For each line of a learned signature, the body lines before the footer equal to it (trimmed), last first.</summary>
    private Dictionary<string, List<int>> Occurrences(string[] lines, int footerStart)
    {
        var occurrences = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            occurrences.TryAdd(line, []);
        }

        var lookup = occurrences.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = footerStart - 1; i >= 0; i--)
        {
            var trimmed = Raw(i).Trim();
            if (trimmed.Length > 0 && lookup.TryGetValue(trimmed, out var at))
            {
                at.Add(i);
            }
        }

        return occurrences;
    }

    /// <summary>The last place, among <paramref name="candidates"/> (descending), where <paramref name="part"/> ends the own text.</summary>
    private int LastOwnEnding(string[] part, List<int> candidates, int footerStart, out int end)
    {
        foreach (var i in candidates)
        {
            // A "signature" that would leave no own text is a message sent several times (notmuch-corpora's
            // repeated Debian control mails), not a signature.
            if (!MatchesSkippingBlanks(part, i, footerStart, out end) || !AllOwn(i, end) || !OwnTextBefore(i))
            {
                continue;
            }

            var after = end;
            // Blank lines and boilerplate (pipermail's "next part" line) do not end the own text: an
            // attachment's text after them is the sender's (numpy-discussion).
            while (after < footerStart && ((Blank(after) && markerDepth[after] == 0) || kind[after] == SegmentKind.Boilerplate))
            {
                after++;
            }

            if (after >= footerStart || kind[after] != SegmentKind.Own || depth[after] != 0)
            {
                return i;
            }
        }

        end = -1;
        return -1;
    }

    /// <summary>Whether the non-blank lines from <paramref name="at"/> are <paramref name="lines"/> (trimmed), blank lines between them skipped.</summary>
    private bool MatchesSkippingBlanks(string[] lines, int at, int limit, out int end)
    {
        end = -1;
        var j = at;
        for (var k = 0; k < lines.Length; k++, j++)
        {
            while (k > 0 && j < limit && Blank(j) && markerDepth[j] == 0)
            {
                j++;
            }

            // Indentation varies between copies of a sign-off ("   Nils", numpy-discussion): compare trimmed.
            if (j >= limit || !Raw(j).Trim().SequenceEqual(lines[k]))
            {
                return false;
            }
        }

        end = j;
        return true;
    }

    private bool AllOwn(int from, int to)
    {
        for (var j = from; j < to; j++)
        {
            if (depth[j] != 0 || kind[j] is not (SegmentKind.Own or SegmentKind.Signature or SegmentKind.Boilerplate))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// mbox writers escape a body line starting "From " as "&gt;From " (mboxrd/mboxo): a lone such line
    /// between unquoted lines is the sender's text, not a quote (clearwater-pipermail).
    /// </summary>
    private void UnescapeFromLines()
    {
        for (var i = 0; i < n; i++)
        {
            if (markerDepth[i] == 1 && Raw(i).StartsWith(">From ") && (i == 0 || markerDepth[i - 1] == 0) && (i + 1 >= n || markerDepth[i + 1] == 0))
            {
                markerDepth[i] = 0;
                markerLength[i] = 0;
                depth[i] = Math.Max(0, depth[i] - 1);
                kind[i] = depth[i] > 0 ? SegmentKind.Quote : SegmentKind.Own;
            }
        }
    }

    private static string[] TrimmedLines(string block)
    {
        var lines = block.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return [.. lines];
    }

    private bool MatchesAt(string[] lines, int at)
    {
        if (at < 0 || at + lines.Length > n)
        {
            return false;
        }

        for (var k = 0; k < lines.Length; k++)
        {
            // Indentation varies between copies of a sign-off ("   Nils", numpy-discussion): compare trimmed.
            if (!Raw(at + k).Trim().SequenceEqual(lines[k].AsSpan().Trim()))
            {
                return false;
            }
        }

        return true;
    }

    private void Scan(int footerStart)
    {
        var inTrailer = SegmentKind.Own;
        for (var i = 0; i < footerStart; i++)
        {
            if (assigned[i])
            {
                if (kind[i] is not (SegmentKind.Signature or SegmentKind.Boilerplate))
                {
                    inTrailer = SegmentKind.Own;
                }

                continue;
            }

            if (Blank(i))
            {
                continue;
            }

            if (TryHeaderBlock(i, footerStart, out var next) || TryAttribution(i, footerStart, out next))
            {
                inTrailer = SegmentKind.Own;
                i = next - 1;
                continue;
            }

            if (kind[i] != SegmentKind.Own || depth[i] != 0)
            {
                inTrailer = SegmentKind.Own;
                continue;
            }

            var content = Content(i);
            if (FramedTrailerEnd(i, footerStart, out var framedKind) is var framedEnd and > 0)
            {
                for (var k = i; k < framedEnd; k++)
                {
                    kind[k] = framedKind;
                    assigned[k] = true;
                }

                i = framedEnd - 1;
                continue;
            }

            if (IsSignatureDelimiter(i, footerStart))
            {
                inTrailer = SegmentKind.Signature;
            }
            else if (Trailers.IsSentFrom(content))
            {
                kind[i] = SegmentKind.Boilerplate;
                continue;
            }
            else if (Trailers.BoilerplateBlock(this.text, starts[i], ends[i]) is var lines and > 0)
            {
                // pipermail's "next part" / "attachment was scrubbed" notes, PGP armour lines.
                for (var k = i; k < Math.Min(footerStart, i + lines); k++)
                {
                    kind[k] = SegmentKind.Boilerplate;
                    assigned[k] = true;
                }

                i += lines - 1;
                continue;
            }
            else if (Trailers.IsDisclaimer(content))
            {
                // The paragraph the disclaimer phrase is in — its wrapped prose lines, not a contact block
                // written right above it (arin-issued-pipermail, 2010).
                // Inside a "-- " block too: the disclaimer under the contact lines is boilerplate (clearwater, 2015).
                var top = i;
                for (var k = i - 1; k >= 0 && kind[k] is SegmentKind.Own or SegmentKind.Signature && depth[k] == 0 && !assigned[k] && !Blank(k) && Content(k).Trim().Length >= 50; k--)
                {
                    kind[k] = SegmentKind.Boilerplate;
                    top = k;
                }

                // The rule drawn above it ("____…", "++++…") belongs to the disclaimer, not to the sign-off
                // above: without it the sender's own text ends with "Gilles" (clearwater-pipermail, Orange).
                var rule = top - 1;
                while (rule >= 0 && Blank(rule) && markerDepth[rule] == 0)
                {
                    rule--;
                }

                if (rule >= 0 && kind[rule] is SegmentKind.Own or SegmentKind.Signature && depth[rule] == 0 && !assigned[rule] && IsRule(Content(rule)))
                {
                    for (var k = rule; k < top; k++)
                    {
                        kind[k] = SegmentKind.Boilerplate;
                    }
                }

                inTrailer = SegmentKind.Boilerplate;
            }

            if (inTrailer != SegmentKind.Own)
            {
                kind[i] = inTrailer;
            }
        }
    }

    /// <summary>A drawn rule: ten or more of one of <c>_ - = * + ~ #</c> and nothing else.</summary>
    private static bool IsRule(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        return t.Length >= 10 && "_-=*+~#".Contains(t[0]) && !t.ContainsAnyExcept(t[0]);
    }

    /// <summary>
    /// A framed block that ends the message (only blank lines after it, before the footer), or -1:
    /// a forum/mailing-list gateway trailer — a tag line such as <c>-------------------- m2f --------------------</c>
    /// (phpBB's mail2forum, gpt-usuarios-pipermail) repeated to close the block — is boilerplate; a
    /// signature box — a rule of <c>*</c>, <c>#</c> or <c>=</c> above and below, the lines between
    /// framed by the same character (bulmages-main-pipermail's commit mails, Lotus Notes users) — is a
    /// signature: the frame is its delimiter. Both need own text above them.
    /// </summary>
    private int FramedTrailerEnd(int i, int footerStart, out SegmentKind framedKind)
    {
        framedKind = SegmentKind.Own;
        var line = Content(i).Trim();
        if (line.Length < 10 || (line[0] is not ('-' or '*' or '#' or '=')))
        {
            return -1;
        }

        var box = IsRule(line) && line[0] is '*' or '#' or '=';
        var tag = !box && line[0] == '-' && line[^1] == '-' && GatewayTag().IsMatch(line.ToString());
        if (!box && !tag)
        {
            return -1;
        }

        for (var j = i + 1; j < Math.Min(footerStart, i + 14); j++)
        {
            if (depth[j] != 0 || kind[j] != SegmentKind.Own)
            {
                return -1;
            }

            var c = Content(j).Trim();
            var closes = tag ? c.SequenceEqual(line) : IsRule(c) && c[0] == line[0] && Math.Abs(c.Length - line.Length) <= 3;
            if (!closes)
            {
                // A box's inner lines are framed ("*   Tel: …   *"); a gateway trailer's are free text.
                if (box && c.Length > 0 && c[0] != line[0] && c[0] != '|')
                {
                    return -1;
                }

                continue;
            }

            if (j == i + 1)
            {
                return -1;
            }

            var after = j + 1;
            while (after < footerStart && Blank(after) && markerDepth[after] == 0)
            {
                after++;
            }

            if (after < footerStart || !OwnTextBefore(i))
            {
                return -1;
            }

            framedKind = box ? SegmentKind.Signature : SegmentKind.Boilerplate;
            return j + 1;
        }

        return -1;
    }

    [GeneratedRegex(@"^-{3,} ?[\p{L}\p{N}][\p{L}\p{N} ._-]{0,18} ?-{3,}$")]
    private static partial Regex GatewayTag();

    /// <summary>RFC 3676 §4.3 "-- " alone on a line; a bare "--" (trailing space stripped by many clients) only before a short block.</summary>
    private bool IsSignatureDelimiter(int i, int footerStart)
    {
        var raw = Raw(i);
        if (raw is "-- ")
        {
            return true;
        }

        if (raw.TrimEnd() is not "--")
        {
            return false;
        }

        var lines = 0;
        for (var j = i + 1; j < footerStart && depth[j] == 0 && !assigned[j]; j++)
        {
            lines++;
        }

        return lines is > 0 and <= 12;
    }

    /// <summary>An Outlook/Exchange reply header block or a forwarded-message header, with its separator.</summary>
    private bool TryHeaderBlock(int i, int footerStart, out int next)
    {
        next = i + 1;
        var content = Content(i);
        if (content.Length < 3)
        {
            return false;
        }

        var sep = HeaderBlocks.Separator(content, out var forward);
        int blockStart;
        int sameLineOffset;
        if (sep > 0)
        {
            if (sep < content.Length && HeaderBlocks.Label(content[sep..], out _) != HeaderLabel.None)
            {
                blockStart = i;
                sameLineOffset = sep;
            }
            else
            {
                blockStart = NextNonBlank(i + 1, footerStart, 1);
                sameLineOffset = 0;
            }
        }
        else
        {
            var c = content[0];
            if (!(char.IsLetter(c) || c == '*'))
            {
                return false;
            }

            blockStart = i;
            sameLineOffset = 0;
        }

        var blockEnd = -1;
        AttributionInfo? header = null;
        if (blockStart >= 0 && blockStart < footerStart && depth[blockStart] == depth[i])
        {
            blockEnd = HeaderBlockEnd(blockStart, sameLineOffset, footerStart, requireThree: sep == 0, out header);
        }

        if (blockEnd < 0)
        {
            if (sep == 0 || !(forward || Trailers.IsOriginalMessage(content[..sep])))
            {
                return false;
            }

            blockEnd = i + 1;
        }

        var d = depth[i];
        if (forward && d > 0)
        {
            // A forward inside a quote is part of what is quoted: its header introduces a deeper quote.
            forward = false;
        }

        var k = header is null ? -1 : AddInfo(header, starts[i]);
        var html = htmlOutlook[i] || (blockStart >= 0 && htmlOutlook[blockStart]);
        var headerDepth = html ? Math.Max(0, d - 1) : d;
        for (var j = i; j < blockEnd; j++)
        {
            kind[j] = forward ? SegmentKind.Forward : SegmentKind.Attribution;
            depth[j] = headerDepth;
            info[j] = k;
            assigned[j] = true;
        }

        // Without a separator line, a header block followed by '>' quotes is a reply quoting the header
        // of the message it answers (mutt/slrn, twisted-python 2001): an interleaved reply, whose
        // unmarked text is own. With "-----Original Message-----" or underscores it is Outlook, which
        // quotes without markers (the quoted message may itself hold '>' lines): all of it is quoted.
        // "*From:*" is Outlook's bold header turned into text (clearwater-pipermail): Outlook as well.
        // Own text above the block means Outlook's top-posted reply, even if the quoted message holds '>' lines.
        var outlook = sep > 0 || Content(blockStart).TrimStart().StartsWith("*") || (CanMarkRegion() && OwnTextBefore(i));
        if (CanMarkRegion() && (forward || html || outlook || !HasDeeperMarkers(blockEnd, footerStart, d)))
        {
            MarkRegion(blockEnd, footerStart, d, html || forward ? 0 : 1, forward ? SegmentKind.Forward : SegmentKind.Quote, forward ? k : -1);
        }

        next = blockEnd;
        return true;
    }

    /// <summary>
    /// Everything under a header block or a marker-less attribution at depth <paramref name="d"/> is
    /// quoted one level deeper: to the end of the body (before the footer) when d is 0, else to the
    /// end of the enclosing <c>&gt;</c> quote (issue 5: "everything from such a block to the end").
    /// Lines are not frozen: nested blocks inside are found by the same scan and go deeper still.
    /// </summary>
    /// <summary>Whether another unmarked region may be marked (<see cref="MaxMarkedRegions"/>); says so once when not.</summary>
    private bool CanMarkRegion()
    {
        if (markedRegions < MaxMarkedRegions)
        {
            return true;
        }

        if (markedRegions == MaxMarkedRegions)
        {
            markedRegions++;
            diagnostics.Add(new SegmentDiagnostic("too-many-quote-regions", 0,
                $"more than {MaxMarkedRegions} attributions or header blocks quote without markers; the rest are left as they are"));
        }

        return false;
    }

    private void MarkRegion(int from, int footerStart, int d, int add, SegmentKind regionKind, int k)
    {
        markedRegions++;
        var marked = false;
        for (var j = from; j < footerStart; j++)
        {
            if (!Blank(j) && depth[j] < d)
            {
                break;
            }

            if (assigned[j])
            {
                continue;
            }

            if (add > 0 && !Blank(j) && markerDepth[j] == depth[j])
            {
                marked = true;
            }

            depth[j] += add;
            kind[j] = regionKind;
            info[j] = k;
        }

        if (marked && !markerlessReported && regionKind == SegmentKind.Quote)
        {
            markerlessReported = true;
            diagnostics.Add(new SegmentDiagnostic("markerless-quote", from < n ? starts[from] : text.Length,
                "quoted text without '>' markers taken from an attribution or header block; quotes above it that lost their markers are left for text matching"));
        }
    }

    private bool OwnTextBefore(int i)
    {
        for (var j = 0; j < i; j++)
        {
            if (kind[j] == SegmentKind.Own && depth[j] == 0 && !Blank(j))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether '>' quotes deeper than <paramref name="d"/> follow, before the stretch at depth d ends:
    /// then unmarked text after an attribution is an inline reply, not a quote that lost its markers
    /// (twisted-python: "On …, X wrote:", "&lt;snipped&gt;", own text, then '>' quotes).
    /// </summary>
    private bool HasDeeperMarkers(int from, int limit, int d)
    {
        for (var j = from; j < limit; j++)
        {
            if (markerDepth[j] > d && !Blank(j))
            {
                return true;
            }

            if (!Blank(j) && depth[j] < d)
            {
                return false;
            }
        }

        return false;
    }

    private int NextNonBlank(int from, int limit, int maxBlank)
    {
        var blanks = 0;
        for (var j = from; j < limit; j++)
        {
            // A bare ">" line is no text but already the quote (usrp-users: "wrote:", "", ">", ">", "> text").
            if (!Blank(j) || markerDepth[j] > 0)
            {
                return j;
            }

            if (++blanks > maxBlank)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The end (exclusive) of a header block starting at <paramref name="start"/>, or -1. Needs From and
    /// a date, or (without a separator line) From, a date and To/Cc/Subject; wrapped values continue
    /// on unlabelled lines (clearwater: "From: Trey Ormsbee\n&lt;trey… at …&gt;").
    /// </summary>
    private int HeaderBlockEnd(int start, int offset, int footerStart, bool requireThree, out AttributionInfo? header)
    {
        header = null;
        var d = depth[start];
        string? from = null;
        string? date = null;
        var labels = 0;
        var hasFrom = false;
        var hasDate = false;
        var hasOther = false;
        var lastLabel = -1;
        var continuation = 0;
        var j = start;
        HeaderLabel current = HeaderLabel.None;
        var fromText = new StringBuilder();
        for (; j < footerStart; j++)
        {
            if (depth[j] != d || Blank(j) || (assigned[j] && j != start))
            {
                break;
            }

            var content = Content(j);
            if (j == start)
            {
                content = content[offset..];
            }

            var label = HeaderBlocks.Label(content, out var valueStart);
            if (label == HeaderLabel.None)
            {
                if (lastLabel < 0 || ++continuation > 3)
                {
                    break;
                }

                if (current == HeaderLabel.From)
                {
                    fromText.Append(' ').Append(content.Trim());
                }

                continue;
            }

            if (j == start && label == HeaderLabel.None)
            {
                return -1;
            }

            continuation = 0;
            current = label;
            lastLabel = j;
            labels++;
            var value = content[valueStart..].Trim().ToString();
            switch (label)
            {
                case HeaderLabel.From when !hasFrom:
                    hasFrom = true;
                    fromText.Append(value);
                    break;
                case HeaderLabel.Date when !hasDate:
                    hasDate = true;
                    date = value;
                    break;
                case HeaderLabel.To or HeaderLabel.Cc or HeaderLabel.Subject:
                    hasOther = true;
                    break;
            }
        }

        if (lastLabel < 0 || !hasFrom || (requireThree ? !(hasDate && hasOther) : !(hasDate || hasOther)))
        {
            // "From: X\nDate: Y" right above a '>' quote is that quote's attribution (lkml, notmuch-corpora).
            var below = NextNonBlank(lastLabel + 1, footerStart, 1);
            if (!(hasFrom && hasDate && below >= 0 && markerDepth[below] > d))
            {
                return -1;
            }
        }

        // Unlabelled lines after the last label belong to the block only when the block ends there (wrapped value).
        var end = continuation > 3 ? lastLabel + 1 : j;
        from = fromText.ToString();
        var (address, rest) = AddressText.Extract(from);
        var name = AddressText.CleanName(rest, out var via);
        var (when, ambiguous) = date is null ? (null, false) : AttributionDate.Parse(date);
        header = new AttributionInfo(name is null && address is null ? null : new QuotedAuthor(name, via ? null : address), when, ambiguous, true);
        return end;
    }

    /// <summary>An attribution line, possibly wrapped over up to three lines, introducing a quote.</summary>
    private bool TryAttribution(int i, int footerStart, out int next)
    {
        next = i + 1;
        var d = depth[i];
        for (var len = 1; len <= 3 && i + len <= footerStart; len++)
        {
            var last = i + len - 1;
            if (last > i && (depth[last] != d || Blank(last) || assigned[last] || kind[last] != kind[i]))
            {
                break;
            }

            var tail = Content(last).TrimEnd();
            if (tail.Length == 0 || !(tail[^1] is ':' or '：' or '-' || (tail[^1] == '>' && (char.IsDigit(Content(i).TrimStart()[0]) || Content(i).TrimStart().StartsWith("On ")))
                || (len == 1 && AttributionParser.IsColonless(tail))))
            {
                continue;
            }

            if (len > 1 && !PlausibleFirstLine(i))
            {
                break;
            }

            if (tail[^1] == '>' && last + 1 < footerStart && depth[last + 1] == d && !Blank(last + 1) && Content(last + 1).TrimEnd().EndsWith(":") && len < 3)
            {
                // "On …, X <x@y>" / "wrote:": the verb is on the next line.
                continue;
            }

            var parsed = AttributionParser.TryParse(Join(i, last + 1));
            if (parsed is null)
            {
                continue;
            }

            var after = NextNonBlank(last + 1, footerStart, 2);
            if (after < 0)
            {
                return false;
            }

            if (d == 0 && markerDepth[after] == 0 && Raw(after).StartsWith("|"))
            {
                // "| quoted" — twisted-python's Clark Evans and others quote with a bar; only trusted
                // right under an attribution, as bars also draw tables.
                MarkAttribution(i, last + 1, parsed);
                next = MarkBarQuote(after, footerStart);
                return true;
            }

            if (depth[after] > d)
            {
                MarkAttribution(i, last + 1, parsed);
                next = last + 1;
                return true;
            }

            if (d > 0 && depth[after] == d && (i == 0 || depth[i - 1] < d || (Blank(i - 1) && markerDepth[i - 1] < d)))
            {
                // Apple Mail puts the attribution inside the quote it introduces:
                // "> On 19 Apr 2016, at 16:32, X wrote:\n> \n> text" (twisted-python 2016).
                MarkAttribution(i, last + 1, parsed);
                for (var j = i; j <= last; j++)
                {
                    depth[j] = d - 1;
                }

                next = last + 1;
                return true;
            }

            if (parsed.Strong && depth[after] == d && kind[after] is SegmentKind.Own or SegmentKind.Quote && CanMarkRegion()
                && !HasDeeperMarkers(last + 1, footerStart, d))
            {
                // Outlook and others quote without markers under an attribution (seed 001).
                MarkAttribution(i, last + 1, parsed);
                MarkRegion(last + 1, footerStart, d, 1, SegmentKind.Quote, -1);
                next = last + 1;
                return true;
            }

            // An attribution whose quote was cut or comes later (Evolution: "Am Mittwoch, den 05.03.2008,
            // 15:01 -0500 schrieb Phil Christensen:", then own text): the line is still no own text.
            if (parsed.Verb && (parsed.Date is not null || parsed.Author?.Address is not null))
            {
                MarkAttribution(i, last + 1, parsed);
                next = last + 1;
                return true;
            }

            return false;
        }

        return WrappedIntoQuote(i, footerStart, out next);
    }

    /// <summary>
    /// Gmail wraps "…, Name &lt;addr" / "&gt; escribió:" so that the wrapped rest starts with the
    /// closing bracket, which reads as a quote marker (bulmages-main-pipermail).
    /// </summary>
    private bool WrappedIntoQuote(int i, int footerStart, out int next)
    {
        next = i + 1;
        if (i + 1 >= footerStart || markerDepth[i + 1] != depth[i] + 1 || assigned[i + 1] || !Raw(i + 1).StartsWith(">"))
        {
            return false;
        }

        var first = Content(i).Trim().ToString();
        if (first.LastIndexOf('<') <= first.LastIndexOf('>') || !PlausibleFirstLine(i))
        {
            return false;
        }

        var rest = Raw(i + 1)[1..].Trim().ToString();
        if (!(rest.EndsWith(':') || rest.EndsWith('：')))
        {
            return false;
        }

        var parsed = AttributionParser.TryParse(first + "> " + rest);
        if (parsed is null)
        {
            return false;
        }

        MarkAttribution(i, i + 2, parsed);
        depth[i + 1] = depth[i];
        next = i + 2;
        return true;
    }

    private int MarkBarQuote(int from, int footerStart)
    {
        var j = from;
        for (; j < footerStart && !assigned[j] && markerDepth[j] == 0 && Raw(j).StartsWith("|"); j++)
        {
            var raw = Raw(j);
            var skip = raw.Length > 1 && raw[1] == ' ' ? 2 : 1;
            var (inner, innerLength) = QuoteMarkers.Measure(raw[skip..]);
            markerLength[j] = skip + innerLength;
            markerDepth[j] = 1 + inner;
            depth[j] = markerDepth[j];
            kind[j] = SegmentKind.Quote;
        }

        return j;
    }

    private bool PlausibleFirstLine(int i)
    {
        var c = Content(i).Trim();
        if (Trailers.IsSentFrom(c))
        {
            // "Sent from TypeApp" right above "On …, X wrote:" is boilerplate, not the attribution's start.
            return false;
        }

        var s = c.ToString();
        if (AttributionLeadIn().IsMatch(s) || char.IsDigit(c[0]) || s.StartsWith("* ", StringComparison.Ordinal) || AttributionDate.Parse(s).Date is not null)
        {
            // (a date anywhere: Finnish "pe 20. lokakuuta 2017 klo 17.50 John Coe" / "<addr> kirjoitti:")
            return true;
        }

        // "Raúl Martínez i Peris\n<x en y> escribió:" — a bare name on its own line after a break.
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words <= 5 && !(c[^1] is '.' or '!' or '?') && (i == 0 || Blank(i - 1) || depth[i - 1] != depth[i]);
    }

    private void MarkAttribution(int from, int to, AttributionInfo parsed)
    {
        var k = AddInfo(parsed, starts[from]);
        for (var j = from; j < to; j++)
        {
            kind[j] = SegmentKind.Attribution;
            info[j] = k;
            assigned[j] = true;
        }
    }

    private int AddInfo(AttributionInfo parsed, int offset)
    {
        if (parsed.DateAmbiguous)
        {
            diagnostics.Add(new SegmentDiagnostic("ambiguous-date", offset, "numeric attribution date read day-first"));
        }

        infos.Add(parsed);
        return infos.Count - 1;
    }

    /// <summary>Lines joined with spaces; a line break inside "&lt;…&gt;" joins without one (an address split by the wrap).</summary>
    private string Join(int from, int to)
    {
        var sb = new StringBuilder();
        for (var j = from; j < to; j++)
        {
            var part = Content(j).Trim();
            if (sb.Length > 0 && !OpenBracket(sb))
            {
                sb.Append(' ');
            }

            sb.Append(part);
        }

        return sb.ToString();
    }

    private static bool OpenBracket(StringBuilder sb)
    {
        var open = 0;
        for (var k = 0; k < sb.Length; k++)
        {
            if (sb[k] == '<')
            {
                open++;
            }
            else if (sb[k] == '>' && open > 0)
            {
                open--;
            }
        }

        return open > 0;
    }

    private void PropagateAuthors()
    {
        var authorAt = new int[8];
        Array.Fill(authorAt, -1);
        for (var j = 0; j < n; j++)
        {
            var d = depth[j];
            if (kind[j] == SegmentKind.Attribution && info[j] >= 0)
            {
                if (d + 1 >= authorAt.Length)
                {
                    continue;
                }

                authorAt[d + 1] = info[j];
                for (var k = d + 2; k < authorAt.Length; k++)
                {
                    authorAt[k] = -1;
                }
            }
            else if (kind[j] == SegmentKind.Quote && info[j] < 0 && d < authorAt.Length)
            {
                info[j] = authorAt[d];
            }
        }
    }

    /// <summary>Blank own lines join the stretch before them (after an attribution: the one after them).</summary>
    private void FixBlankLines()
    {
        for (var j = 0; j < n; j++)
        {
            if (assigned[j] || markerDepth[j] != 0 || kind[j] != SegmentKind.Own || depth[j] != 0 || !Blank(j))
            {
                continue;
            }

            var source = j - 1;
            if (j == 0 || kind[j - 1] == SegmentKind.Attribution)
            {
                source = j + 1;
                while (source < n && Blank(source) && kind[source] == SegmentKind.Own && markerDepth[source] == 0)
                {
                    source++;
                }

                if (source >= n)
                {
                    source = j - 1;
                }
            }

            if (source < 0)
            {
                continue;
            }

            kind[j] = kind[source];
            depth[j] = depth[source];
            info[j] = info[source];
            cite[j] = cite[source];
        }
    }

    private List<Segment> Emit()
    {
        var segments = new List<Segment>();
        var first = 0;
        for (var j = 1; j <= n; j++)
        {
            if (j < n && kind[j] == kind[first] && depth[j] == depth[first] && info[j] == info[first] && cite[j] == cite[first])
            {
                continue;
            }

            var start = starts[first];
            var end = j < n ? starts[j] : text.Length;
            var a = info[first] >= 0 ? infos[info[first]] : null;
            var carries = kind[first] is SegmentKind.Quote or SegmentKind.Attribution or SegmentKind.Forward;
            segments.Add(new Segment(kind[first], start, end - start, depth[first], carries ? a?.Author : null, carries ? a?.Date : null, cite[first]));
            first = j;
        }

        return segments;
    }

    [GeneratedRegex(@"^(?i:on|le|am|el|em|il|op|den|dne|w dniu|dnia|quoting|zitat von|citando)\s|^在")]
    private static partial Regex AttributionLeadIn();
}
