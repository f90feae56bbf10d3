using ListArchive.Analysis.Reuse;
using ListArchive.Testing;

namespace ListArchive.Analysis.Tests.Reuse;

/// <summary>
/// The Governance sample of issue 6 (../shared/seeds): 000 the open letter, 001 Milton Mueller's reply
/// carrying parminder's second message with no markers, then his first, which quotes the letter;
/// 002 the UN panel report the letter quotes. The seeds are plain texts (no header block), read as such.
/// </summary>
public sealed class SeedReuseTests
{
    private static string Seed(string prefix) =>
        File.ReadAllText(Directory.GetFiles(RepoPaths.Repo("..", "shared", "seeds"), prefix + "_*").Single());

    private static int Before(string text, string passage)
    {
        var i = text.IndexOf(passage, StringComparison.Ordinal);
        Assert.True(i >= 0, $"seed text changed: '{passage}' not found");
        return i;
    }

    private static int After(string text, string passage) => Before(text, passage) + passage.Length;

    [Fact]
    public void The_letter_is_found_inside_Miltons_reply_with_exact_ranges()
    {
        var letter = Seed("000");
        var milton = Seed("001");
        var spans = new ReuseAligner().Align(milton, letter);

        // parminder's first message, below Milton's words and parminder's unmarked second message,
        // quotes the letter's opening paragraph ("Quoting from the letter:").
        var quote = Assert.Single(spans, s => s.MessageWords > 50);
        Assert.Equal(Before(milton, "Not only in developing countries but also"), quote.MessageStart);
        Assert.Equal(After(milton, "for Global Governance of Big Tech"), quote.MessageEnd);
        Assert.Equal(Before(letter, "Not only in developing countries but also"), quote.SourceStart);
        Assert.Equal(After(letter, "for Global Governance of Big Tech"), quote.SourceEnd);
        Assert.Equal(94, quote.MatchedWords);
        Assert.Equal(1.0, quote.Identity);

        // The endorsement sentence, re-sent through Outlook with <mailto:> and Safe Links annotations
        // and "secretariat at" for "@": found at lower identity.
        var endorse = Assert.Single(spans, s => milton[s.MessageStart..s.MessageEnd].Contains("midnight PST", StringComparison.Ordinal));
        Assert.Equal(Before(milton, "by writing an email to secretariat at"), endorse.MessageStart);
        Assert.Equal(After(milton, "of the 7th of March"), endorse.MessageEnd);
        Assert.Equal(Before(letter, "by writing an email to secretariat@"), endorse.SourceStart);
        Assert.InRange(endorse.Identity, 0.9, 0.99);

        // Milton's own opening and his short inline quote (7 words) are not reuse.
        Assert.All(spans, s => Assert.True(s.MessageStart > Before(milton, "I do not see how anyone")));
    }

    [Fact]
    public void The_panel_report_is_found_inside_the_letter_with_exact_ranges()
    {
        var report = Seed("002");
        var letter = Seed("000");
        var spans = new ReuseAligner().Align(letter, report);

        // Quoted from the report, wrapped by the PDF extraction with blank lines and "decision-making" hyphenated.
        var policy = Assert.Single(spans, s => letter[s.MessageStart..s.MessageEnd].Contains("incubate", StringComparison.Ordinal));
        Assert.Equal(Before(letter, "incubate policies and norms for public discussion"), policy.MessageStart);
        Assert.Equal(After(letter, "bodies that adopt and implement them"), policy.MessageEnd);
        Assert.Equal(Before(report, "incubate policies and norms for public discussion"), policy.SourceStart);
        Assert.Equal(After(report, "bodies that adopt and implement them"), policy.SourceEnd);
        Assert.Equal(1.0, policy.Identity);

        var funding = Assert.Single(spans, s => letter[s.MessageStart..s.MessageEnd].Contains("encouraged", StringComparison.Ordinal));
        Assert.Equal(Before(letter, "All stakeholders – including governments"), funding.MessageStart);
        Assert.Equal(Before(report, "All stakeholders – including governments"), funding.SourceStart);

        // The quotation ends at "contribute."; the next paragraph of both texts happens to begin with "The",
        // which identical-word extension takes along (one word, docs/text-reuse.md §4).
        var end = letter.AsSpan(funding.MessageStart, funding.MessageEnd - funding.MessageStart);
        Assert.True(end.EndsWith("to contribute.") || end.EndsWith("The"), end.ToString());
        Assert.True(funding.MessageEnd - After(letter, "would be encouraged to contribute.") <= 6);
        Assert.Equal(2, spans.Count);
    }

    [Fact]
    public void Winnowed_fingerprints_alone_seed_the_chain()
    {
        // As the index will: only the winnowed fingerprints of each text are compared.
        var f = Fingerprinter.Default;
        var letter = WordStream.Create(Seed("000"));
        var milton = WordStream.Create(Seed("001"));
        var report = WordStream.Create(Seed("002"));
        var aligner = new ReuseAligner();
        var fromLetter = aligner.Align(milton, letter, Fingerprinter.Shared(f.Fingerprint(milton), f.Fingerprint(letter)));
        var fromReport = aligner.Align(letter, report, Fingerprinter.Shared(f.Fingerprint(letter), f.Fingerprint(report)));
        Assert.Equal(aligner.Align(milton, letter), fromLetter);
        Assert.Equal(aligner.Align(letter, report), fromReport);

        // The letter does not quote Milton, and Milton does not quote the report directly.
        Assert.Empty(aligner.Align(milton, report));
    }

    [Fact]
    public void Through_the_index_Miltons_reply_resolves_to_the_letter_and_the_letter_to_the_report()
    {
        // One ReuseIndex holding the report and the letter as sources (their whole texts: they carry no
        // markers); Milton's reply is attributed against it, then the letter itself (issue 6's chain).
        var report = Seed("002");
        var letter = Seed("000");
        var milton = Seed("001");
        var index = new ReuseIndex();
        index.Add(2, report, new ReuseSourceInfo("un-panel", new DateTimeOffset(2019, 6, 10, 0, 0, 0, TimeSpan.Zero)));
        index.Add(0, letter, new ReuseSourceInfo("justnet", new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero)));

        var fromMilton = index.Attribute(milton);
        Assert.NotEmpty(fromMilton);
        Assert.All(fromMilton, s => Assert.Equal(0, s.SourceId));
        var opening = Assert.Single(fromMilton, s => s.Words > 50);
        Assert.Equal(Before(milton, "Not only in developing countries but also"), opening.MessageStart);
        Assert.Equal(After(milton, "for Global Governance of Big Tech"), opening.MessageEnd);

        var fromLetter = index.Attribute(letter, new ReuseQuery { Self = 0 });
        Assert.NotEmpty(fromLetter);
        Assert.All(fromLetter, s => Assert.Equal(2, s.SourceId));
        Assert.Contains(fromLetter, s => letter[s.MessageStart..s.MessageEnd].Contains("incubate policies", StringComparison.Ordinal));
    }
}
