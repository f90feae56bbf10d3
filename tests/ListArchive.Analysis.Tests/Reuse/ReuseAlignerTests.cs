using ListArchive.Analysis.Reuse;

namespace ListArchive.Analysis.Tests.Reuse;

public sealed class ReuseAlignerTests
{
    private const string Source =
        "Dear all, thanks for the notes. The proposed body would rely largely on private funding, and the main " +
        "proposal currently on the table suggests linking a seat on it with providing funding support. This is a " +
        "new low for the organisation and an unthinkably dangerous direction for the future of global governance. " +
        "We will follow a twin track: develop a powerful movement within civil society groups, and engage with " +
        "governments. Best regards, P.";

    private static ReusedSpan Single(IReadOnlyList<ReusedSpan> spans) => Assert.Single(spans);

    [Fact]
    public void Finds_a_rewrapped_quote_with_exact_character_ranges()
    {
        const string passage = "The proposed body would rely largely on private funding";
        const string message = "I disagree.\n\n> the proposed body would\n> rely largely on private\n> funding, and\n\nNo it would not.";
        var span = Single(new ReuseAligner().Align(message, Source));
        Assert.Equal(message.IndexOf("the proposed", StringComparison.Ordinal), span.MessageStart);
        Assert.Equal(message.IndexOf(", and", StringComparison.Ordinal) + ", and".Length, span.MessageEnd);
        Assert.Equal(passage + ", and", Source[span.SourceStart..span.SourceEnd]);
        Assert.Equal(10, span.MessageWords);
        Assert.Equal(1.0, span.Identity);
    }

    [Fact]
    public void Tolerates_small_edits()
    {
        // One word changed, one inserted, two deleted.
        const string message = "He wrote: the proposed body will rely largely on private funding, and the main proposal on the table " +
            "really suggests linking a seat on it with funding support. This is a new low. I agree.";
        var span = Single(new ReuseAligner().Align(message, Source));
        Assert.StartsWith("the proposed body will", message[span.MessageStart..]);
        Assert.EndsWith("This is a new low", message[span.MessageStart..span.MessageEnd]);
        Assert.StartsWith("The proposed body would", Source[span.SourceStart..]);
        Assert.InRange(span.Identity, 0.7, 0.95);
        Assert.Equal(span.MessageWords - 2, span.MatchedWords);
    }

    [Fact]
    public void Bridges_a_marked_elision_but_not_an_unmarked_jump()
    {
        const string elided = "Quoting: “The proposed body would rely largely on private funding […] an unthinkably dangerous " +
            "direction for the future of global governance.”";
        var span = Single(new ReuseAligner().Align(elided, Source));
        Assert.Equal(elided.IndexOf("The proposed", StringComparison.Ordinal), span.MessageStart);
        Assert.Equal(elided.IndexOf("governance", StringComparison.Ordinal) + "governance".Length, span.MessageEnd);
        Assert.True(span.ElidedSourceWords > 20);
        Assert.Equal(1.0, span.Identity);

        var unmarked = elided.Replace(" […] ", " ", StringComparison.Ordinal);
        var spans = new ReuseAligner().Align(unmarked, Source);
        Assert.Equal(2, spans.Count);
        Assert.All(spans, s => Assert.Equal(0, s.ElidedSourceWords));
    }

    [Fact]
    public void Acceptance_follows_the_options()
    {
        // 8 identical words are accepted; 7 are not.
        Assert.Single(new ReuseAligner().Align("x: develop a powerful movement within civil society groups! y", Source));
        Assert.Empty(new ReuseAligner().Align("x: a powerful movement within civil society groups! y", Source));
        var strict = new ReuseAligner(new ReuseOptions { MinWordsHighIdentity = 9 });
        Assert.Empty(strict.Align("x: develop a powerful movement within civil society groups! y", Source));
        Assert.True(ReuseOptions.Default.Accepts(20, 0.7));
        Assert.False(ReuseOptions.Default.Accepts(19, 0.8));
        Assert.True(ReuseOptions.Default.Accepts(8, 0.9));
    }

    [Fact]
    public void Several_passages_are_found_separately_in_message_order()
    {
        const string message = "> We will follow a twin track: develop a powerful movement\n\nGood.\n\n" +
            "> This is a new low for the organisation and an unthinkably dangerous direction\n\nIndeed.";
        var spans = new ReuseAligner().Align(message, Source);
        Assert.Equal(2, spans.Count);
        Assert.True(spans[0].MessageEnd < spans[1].MessageStart);
        Assert.StartsWith("We will follow", Source[spans[0].SourceStart..]);
        Assert.StartsWith("This is a new low", Source[spans[1].SourceStart..]);
    }

    [Fact]
    public void Winnowed_seeds_find_the_same_span_as_dense_seeds()
    {
        const string message = "As P. said:\nThe proposed body would rely largely on private funding, and the main proposal\n" +
            "currently on the table suggests linking a seat on it with providing funding support.\nRubbish.";
        var m = WordStream.Create(message);
        var s = WordStream.Create(Source);
        var f = Fingerprinter.Default;
        var seeds = Fingerprinter.Shared(f.Fingerprint(m), f.Fingerprint(s));
        var fromIndex = Single(new ReuseAligner().Align(m, s, seeds));
        var dense = Single(new ReuseAligner().Align(m, s));
        Assert.Equal(dense, fromIndex);
        Assert.Equal(27, dense.MessageWords);
    }

    [Fact]
    public void Unrelated_texts_give_nothing()
    {
        Assert.Empty(new ReuseAligner().Align("Twisted's reactor runs the event loop; deferreds chain callbacks for results.", Source));
        Assert.Empty(new ReuseAligner().Align(string.Empty, Source));
    }
}
