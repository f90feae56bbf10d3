namespace ListArchive.Analysis.Tests.Segments;

/// <summary>The label arithmetic the evaluation rests on: line splitting, normalisation, and label validation.</summary>
public sealed class LabelledCheckTests
{
    private const string Body = "Hi,\n\nOn Mon, Ann wrote:\n> quoted\n\nThanks\n";

    [Fact]
    public void Lines_are_split_on_newline_without_a_phantom_last_line()
    {
        Assert.Equal(["Hi,", "", "On Mon, Ann wrote:", "> quoted", "", "Thanks"], LabelledLines.Split(Body));
        Assert.Equal(["a", ""], LabelledLines.Split("a\n\n"));
        Assert.Equal([0, 4, 5, 24, 33, 34, 41], LabelledLines.Starts(Body));
    }

    [Fact]
    public void Normalisation_ignores_how_white_space_is_spread()
    {
        Assert.Equal("Hi, Thanks", LabelledLines.Normalise("  Hi,\n\n\nThanks \t\n"));
        Assert.Equal(LabelledLines.Normalise("a\n\nb"), LabelledLines.Normalise("a b"));
        Assert.NotEqual(LabelledLines.Normalise("ab"), LabelledLines.Normalise("a b"));
    }

    [Fact]
    public void A_complete_label_passes_and_each_kind_of_mistake_is_named()
    {
        var body = new LabelledBody(Body, [], null, "test", LabelledLines.Sha256(Body));
        Assert.Null(LabelledScorer.CheckLabel(Label(("own", "1"), ("attribution", "3"), ("quote", "4"), ("own", "6")), body));
        Assert.Equal("line 6 is not blank and has no label", LabelledScorer.CheckLabel(Label(("own", "1"), ("attribution", "3"), ("quote", "4")), body));
        Assert.Equal("line 4 labelled twice", LabelledScorer.CheckLabel(Label(("own", "1-4"), ("quote", "4"), ("own", "6")), body));
        Assert.Equal("line range 6-7 outside 1-6", LabelledScorer.CheckLabel(Label(("own", "1-5"), ("own", "6-7")), body));
        Assert.Equal("unknown kind 'sig'", LabelledScorer.CheckLabel(Label(("own", "1-5"), ("sig", "6")), body));
    }

    private static LabelledMessage Label(params (string Kind, string Lines)[] segments) =>
        new("test", "test.mbox", "<a@b>", "plain", "en", [.. segments.Select(s => new LabelledSegment(s.Kind, s.Lines))], "");
}
