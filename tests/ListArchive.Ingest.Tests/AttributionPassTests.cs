using System.Text;
using System.Text.Json;
using ListArchive.Mail.Readers;
using ListArchive.Storage.Index;
using ListArchive.Testing;

namespace ListArchive.Ingest.Tests;

/// <summary>
/// The attribution pass in the import (issue 6; docs/text-reuse.md §9) on the Governance sample, whose truth is
/// archives/governance/expected.json, and on twisted-python.
/// </summary>
public sealed class AttributionPassTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string List = "governance";

    [Fact]
    public void GovernanceSampleIsAttributedAsExpectedJsonSays()
    {
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        new ImportPipeline(archive).Import([RepoPaths.Repo("archives", "governance")]);
        using var expected = JsonDocument.Parse(File.ReadAllText(RepoPaths.Repo("archives", "governance", "expected.json")));
        var milton = expected.RootElement.GetProperty("messages").EnumerateObject()
            .Single(m => m.Value.GetProperty("author").GetString() == "milton@gatech.edu");
        var segments = milton.Value.GetProperty("segments").EnumerateArray().ToList();
        var view = archive.Index.GetMessage(milton.Name.Trim('<', '>'), List)!;
        Assert.NotNull(view);

        // Lines 1–20: Milton's own words — nothing in them is attributed.
        var own = segments.Single(s => s.GetProperty("kind").GetString() == "own");
        var (ownStart, ownEnd) = Lines(view.BodyText, own);
        Assert.DoesNotContain(view.Segments, s => s.Origin is not null && s.Start < ownEnd && s.Start + s.Length > ownStart);

        // Lines 22–44: parminder's second message, quoted with no markers and no attribution line.
        var second = segments.Single(s => s.GetProperty("kind").GetString() == "quote" && !s.TryGetProperty("via", out _));
        var secondId = Id(second.GetProperty("origin_message"));
        Assert.True(Share(view, Lines(view.BodyText, second), o => o.MessageId == secondId && o.Via.Count == 0) >= 0.9);
        Assert.Contains(view.Segments, s => s.Origin is { MessageId: var m, Diagnostic: "unmarked" } && m == secondId);

        // Lines 48–67: parminder's first message (via the second); line 54 inside it: the open letter (via both).
        var first = segments.Single(s => s.TryGetProperty("depth", out var d) && d.GetInt32() == 2);
        var firstId = Id(first.GetProperty("origin_message"));
        var letterLine = segments.Single(s => s.TryGetProperty("origin_document", out _));
        var letter = letterLine.GetProperty("origin_document").GetString();
        var letterVia = letterLine.GetProperty("via").EnumerateArray().Select(Id).ToList();
        Assert.True(Share(view, Lines(view.BodyText, first), o =>
            (o.MessageId == firstId && o.Via.SequenceEqual([secondId])) || (o.DocumentId == letter && o.Via.SequenceEqual(letterVia))) >= 0.9);
        Assert.True(Share(view, Lines(view.BodyText, letterLine), o => o.DocumentId == letter && o.Via.SequenceEqual(letterVia) && o.Type == SegmentOrigin.Quote) >= 0.9);
        var origin = view.Segments.First(s => s.Origin?.DocumentId == letter).Origin!;
        Assert.StartsWith("Just Net Coalition", origin.Author.Name);

        // Parminder's first message: the letter's words he pasted ("Quoting from the letter:") are the letter's.
        var firstView = archive.Index.GetMessage(firstId, List)!;
        var pasted = firstView.BodyText.IndexOf("Not only in developing countries", StringComparison.Ordinal);
        Assert.True(pasted > 0);
        Assert.Contains(firstView.Segments, s => s.Origin?.DocumentId == letter && s.Start <= pasted && pasted < s.Start + s.Length);

        // His second message quotes the first with '>' markers: attributed to it, the markers agreeing.
        var secondView = archive.Index.GetMessage(secondId, List)!;
        Assert.Contains(secondView.Segments, s => s.Kind == "quote" && s.Origin is { MessageId: var m, Diagnostic: null } && m == firstId);

        // The letter quotes the UN panel report: its document view attributes the passage to the report.
        var documents = archive.Index.GetDocuments();
        Assert.Equal(4, documents.Count);
        var report = documents.Single(d => d.Title.StartsWith("Report of the UN", StringComparison.Ordinal)).Id;
        var letterView = archive.Index.GetDocument(letter!)!;
        var fromReport = letterView.Segments.Where(s => s.Origin?.DocumentId == report).ToList();
        Assert.NotEmpty(fromReport);
        Assert.Contains("incubate policies", string.Concat(fromReport.Select(s => letterView.Document.Text.Substring(s.Start, s.Length))), StringComparison.Ordinal);
    }

    [Fact]
    public void QuoteOfTheLettersQuotationResolvesToTheReportThroughTheLetter()
    {
        // A message quoting the letter's quotation of the panel report: origin the report, chain the letter.
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        DocumentManifest.Register(archive.Index, RepoPaths.Repo("archives", "governance", DocumentManifest.RelativePath));
        var letter = archive.Index.GetDocument("jnc-open-letter-2021-03")!;
        var quotation = letter.Document.Text.IndexOf("incubate policies", StringComparison.Ordinal);
        Assert.True(quotation > 0);
        // The letter's own words around the quotation too: the letter is then the longer match, the
        // message's immediate source, and the report is reached through it.
        var paragraph = letter.Document.Text.Substring(quotation - 400, 800);
        data.Write("in/a.eml", $"""
            From: Someone <someone@example.org>
            To: governance@lists.igcaucus.org
            Subject: the letter
            Date: Tue, 16 Mar 2021 10:00:00 +0000
            Message-ID: <chain-test@example.org>

            Look at what the letter cites:

            {paragraph}

            That is the point.
            """.ReplaceLineEndings("\n"));
        new ImportPipeline(archive).Import([data.Combine("in")], new ImportOptions { List = List });

        var view = archive.Index.GetMessage("chain-test@example.org", List)!;
        var reportId = archive.Index.GetDocuments().Single(d => d.Title.StartsWith("Report of the UN", StringComparison.Ordinal)).Id;
        var chained = view.Segments.Where(s => s.Origin?.DocumentId == reportId).ToList();
        Assert.NotEmpty(chained);
        Assert.All(chained, s => Assert.Equal(["document:jnc-open-letter-2021-03"], s.Origin!.Via));
        Assert.Contains(view.Segments, s => s.Origin is { DocumentId: "jnc-open-letter-2021-03", Via.Count: 0 });
    }

    [Fact]
    public void LateOriginIsFoundByTheRepliesThatQuotedIt()
    {
        // Replies first, then the message they quote (and the documents last) must end as an import of all at once.
        using var split = new TempDirectory();
        // The thread of seed 001 (the month also holds the constructed sign-on posts of issue 8).
        var month = MailSources.Open(RepoPaths.Repo("archives", "governance", "2021-March.txt")).ToList();
        var messages = new[]
        {
            "adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7@itforchange.net",
            "39de51fd-f944-4da7-ac41-e3854450ac58@itforchange.net",
            "BL0PR07MB54899BE5BB7FC79DD5D28BB404555@BL0PR07MB5489.namprd07.prod.outlook.com",
        }.Select(id => month.Single(m => System.Text.Encoding.ASCII.GetString(m.Bytes).Contains($"Message-ID: <{id}>", StringComparison.Ordinal))).ToList();
        split.Write("origin/1.eml", messages[0].Bytes);
        split.Write("replies/2.eml", messages[1].Bytes);
        split.Write("replies/3.eml", messages[2].Bytes);
        split.Write("all/1.eml", messages[0].Bytes);
        split.Write("all/2.eml", messages[1].Bytes);
        split.Write("all/3.eml", messages[2].Bytes);
        var manifest = RepoPaths.Repo("archives", "governance", DocumentManifest.RelativePath);
        var options = new ImportOptions { List = List };

        using var lateData = new TempDirectory();
        using var late = Archive.Open(lateData.Path);
        var pipeline = new ImportPipeline(late);
        pipeline.Import([split.Combine("replies")], options);
        var before = Dump(late.Index);
        pipeline.Import([split.Combine("origin")], options);
        DocumentManifest.Register(late.Index, manifest);
        pipeline.Attribute();

        using var onceData = new TempDirectory();
        using var once = Archive.Open(onceData.Path);
        DocumentManifest.Register(once.Index, manifest);
        new ImportPipeline(once).Import([split.Combine("all")], options);

        var after = Dump(late.Index);
        Assert.Equal(Dump(once.Index), after);
        Assert.NotEqual(before, after);
        Assert.Contains("adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7@itforchange.net", after, StringComparison.Ordinal);

        // And reindex rebuilds the same.
        pipeline.Reindex();
        Assert.Equal(after, Dump(late.Index));
    }

    [Fact]
    public void RepliesWithoutThreadingHeadersGetTheirParentFromQuotedText()
    {
        // twisted-python 2009-March: strip In-Reply-To and References from every reply whose parent is in the
        // month, import the month again, and count the parents recovered from quoted text.
        using var data = new TempDirectory();
        var month = RepoPaths.Corpus("twisted-python-pipermail", "2009-March.txt.gz");
        var options = new ImportOptions { List = "twisted-python" };
        using var truthData = new TempDirectory();
        Dictionary<string, (string? Parent, string? Link)> truth;
        using (var truthArchive = Archive.Open(truthData.Path))
        {
            new ImportPipeline(truthArchive).Import([month], options);
            truth = Views(truthArchive).GroupBy(v => v.MessageId).ToDictionary(g => g.Key, g => (g.First().ParentId, g.First().Link));
        }

        var stripped = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var raw in MailSources.Open(month))
        {
            var bytes = raw.Bytes;
            var id = Mail.Mime.MimeMessage.Parse(bytes).MessageId?.Trim('<', '>');
            if (id is not null && truth.TryGetValue(id, out var t) && t.Link is "in-reply-to" or "references" && truth.ContainsKey(t.Parent!))
            {
                bytes = StripThreadingHeaders(bytes);
                stripped.Add(id);
            }

            data.Write($"in/{n++:D5}.eml", bytes);
        }

        using var archive = Archive.Open(data.Combine("archive"));
        new ImportPipeline(archive).Import([data.Combine("in")], options);
        var repaired = Views(archive).Where(v => stripped.Contains(v.MessageId)).GroupBy(v => v.MessageId).Select(g => g.First()).ToList();
        var recovered = repaired.Count(v => v.Link == "quoted-text" && v.ParentId == truth[v.MessageId].Parent);
        var wrong = repaired.Count(v => v.Link == "quoted-text" && v.ParentId != truth[v.MessageId].Parent);
        output.WriteLine($"thread repair, twisted-python 2009-March: {stripped.Count} replies stripped, {recovered} recovered, {wrong} wrong");
        Assert.True(stripped.Count >= 100, $"{stripped.Count} replies stripped");
        Assert.True(recovered >= 0.8 * stripped.Count, $"{recovered} of {stripped.Count} recovered, {wrong} wrong");
        Assert.True(wrong <= 0.02 * stripped.Count, $"{recovered} of {stripped.Count} recovered, {wrong} wrong");
        Assert.All(repaired.Where(v => v.Link == "quoted-text"), v => Assert.InRange(v.LinkScore ?? -1, 0.01, 1.0));
    }

    private static List<MessageView> Views(Archive archive)
    {
        var views = new List<MessageView>();
        foreach (var list in archive.Index.GetLists())
        {
            var threads = archive.Index.GetThreads(list.Name, 0, 100_000);
            foreach (var t in threads.Items)
            {
                views.AddRange(archive.Index.GetThread(list.Name, t.ThreadId)!.Messages);
            }
        }

        return views;
    }

    /// <summary>The header block without In-Reply-To and References (and their continuation lines).</summary>
    private static byte[] StripThreadingHeaders(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return bytes;
        }

        var kept = new StringBuilder();
        var skipping = false;
        foreach (var line in text[..end].Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                if (!skipping)
                {
                    kept.Append(line).Append('\n');
                }

                continue;
            }

            skipping = line.StartsWith("In-Reply-To:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("References:", StringComparison.OrdinalIgnoreCase);
            if (!skipping)
            {
                kept.Append(line).Append('\n');
            }
        }

        return Encoding.Latin1.GetBytes(kept + text[(end + 1)..]);
    }

    /// <summary>Every message's segments with origins, link and parent, as text (message-id order).</summary>
    private static string Dump(IArchiveIndex index)
    {
        var sb = new StringBuilder();
        foreach (var id in new[]
        {
            "adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7@itforchange.net",
            "39de51fd-f944-4da7-ac41-e3854450ac58@itforchange.net",
            "BL0PR07MB54899BE5BB7FC79DD5D28BB404555@BL0PR07MB5489.namprd07.prod.outlook.com",
        })
        {
            var m = index.GetMessage(id, List);
            if (m is null)
            {
                continue;
            }

            sb.Append(id).Append(' ').Append(m.ParentId).Append(' ').Append(m.Link).AppendLine();
            foreach (var s in m.Segments)
            {
                sb.Append($"  {s.Kind} {s.Start}+{s.Length}");
                if (s.Origin is { } o)
                {
                    sb.Append($" {o.Type} {o.MessageId}{o.DocumentId} [{string.Join(",", o.Via)}] {o.Score:F3} {o.Diagnostic}");
                }

                sb.AppendLine();
            }
        }

        return sb.ToString();
    }

    private static string Id(JsonElement e) => e.GetString()!.Trim('<', '>');

    /// <summary>[start, end) of 1-based body lines [from, to] given as "lines": [from, to].</summary>
    private static (int Start, int End) Lines(string body, JsonElement segment)
    {
        var lines = segment.GetProperty("lines");
        int from = lines[0].GetInt32(), to = lines[1].GetInt32();
        var start = 0;
        for (var i = 1; i < from; i++)
        {
            start = body.IndexOf('\n', start) + 1;
        }

        var end = start;
        for (var i = from; i <= to; i++)
        {
            var next = body.IndexOf('\n', end);
            end = next < 0 ? body.Length : next + 1;
        }

        return (start, end);
    }

    /// <summary>Share of the non-white-space characters of [start, end) whose segment origin satisfies the test.</summary>
    private static double Share(MessageView view, (int Start, int End) range, Func<SegmentOrigin, bool> test)
    {
        int total = 0, hit = 0;
        for (var i = range.Start; i < range.End; i++)
        {
            if (char.IsWhiteSpace(view.BodyText[i]))
            {
                continue;
            }

            total++;
            var seg = view.Segments.FirstOrDefault(s => s.Start <= i && i < s.Start + s.Length);
            if (seg?.Origin is { } o && test(o))
            {
                hit++;
            }
        }

        return total == 0 ? 0 : (double)hit / total;
    }
}
