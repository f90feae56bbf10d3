using ListArchive.Analysis.Links;

namespace ListArchive.Analysis.Tests.Links;

/// <summary>
/// Offsets found before unwrapping (the mail reader's HTML quote ranges) must point at the same
/// text after it: <see cref="UnwrapResult.MapOffset"/>.
/// </summary>
public sealed class UnwrapOffsetTests
{
    private const string Wrapped =
        "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fletter.pdf&data=04%7C01%7Cbob%40example.org%7Cabc&sdata=xyz&reserved=0";

    [Fact]
    public void Text_after_a_replaced_link_keeps_its_place()
    {
        var input = "see " + Wrapped + " now\n> quoted line\n";
        var result = LinkUnwrapper.UnwrapText(input);
        Assert.Equal("see https://example.org/letter.pdf now\n> quoted line\n", result.Text);

        var quote = input.IndexOf("> quoted", StringComparison.Ordinal);
        var mapped = result.MapOffset(quote);
        Assert.Equal("> quoted line\n", result.Text[mapped..]);
        Assert.Equal(0, result.MapOffset(0));
        Assert.Equal(result.Text.Length, result.MapOffset(input.Length));
        // An offset inside the replaced URL maps to the end of its replacement.
        Assert.Equal(result.Text.IndexOf(" now", StringComparison.Ordinal), result.MapOffset(input.IndexOf("data=", StringComparison.Ordinal)));
    }

    [Fact]
    public void Folded_outlook_form_maps_past_the_fold()
    {
        // Outlook's plain text: visible URL, then the wrapper in angle brackets; folded to one link.
        var input = "letter: https://example.org/letter.pdf<" + Wrapped + "> end\nnext line\n";
        var result = LinkUnwrapper.UnwrapText(input);
        Assert.Equal("letter: https://example.org/letter.pdf end\nnext line\n", result.Text);
        var next = input.IndexOf("next line", StringComparison.Ordinal);
        Assert.Equal("next line\n", result.Text[result.MapOffset(next)..]);
        Assert.Equal("letter: ", result.Text[..result.MapOffset(input.IndexOf("https", StringComparison.Ordinal))]);
    }

    [Fact]
    public void Without_a_wrapper_offsets_are_unchanged()
    {
        var result = LinkUnwrapper.UnwrapText("plain https://example.org/ text");
        Assert.Equal(7, result.MapOffset(7));
        Assert.Equal(result.Text.Length, result.MapOffset(1000));
    }
}
