using ListArchive.Analysis.Reuse;

namespace ListArchive.Analysis.Tests.Reuse;

public sealed class WordStreamTests
{
    private static string[] Words(string text)
    {
        var s = WordStream.Create(text);
        return Enumerable.Range(0, s.Count).Select(s.Normalized).ToArray();
    }

    private static ulong[] Hashes(string text) => WordStream.Create(text).Tokens.ToArray().Select(t => t.Hash).ToArray();

    [Fact]
    public void Folds_case_punctuation_quotes_and_dashes()
    {
        Assert.Equal(["an", "empowered", "global", "body", "sgs", "road", "map", "dont"], Words("An ‘empowered’ global—body: SG’s road-map; DON'T!"));
    }

    [Fact]
    public void Quote_markers_and_wrapping_do_not_change_the_stream()
    {
        var plain = "the world is at a critical inflection point for technology governance, made more urgent";
        var quoted = "> The world is at a critical\n> inflection point for\n>> technology gover-\n> nance, made more urgent";
        Assert.Equal(Hashes(plain)[..9], Hashes(quoted)[..9]);
        var wrapped = "> the world is at a\n>   critical inflection point for technology\n> governance, made more urgent";
        Assert.Equal(Hashes(plain), Hashes(wrapped));
    }

    [Fact]
    public void Typographic_and_ascii_apostrophes_and_quotes_match()
    {
        Assert.Equal(Hashes("the SG's 'strategic and empowered' body"), Hashes("the SG’s “strategic and empowered” body"));
    }

    [Fact]
    public void Unicode_case_folding()
    {
        Assert.Equal(Hashes("STRASSE ΟΔΟΣ École"), Hashes("straße οδος école"));
        Assert.NotEqual(Hashes("ecole"), Hashes("école"));
    }

    [Fact]
    public void Tokens_map_back_to_character_offsets()
    {
        const string text = "> Hello,  wörld!\n> next—line";
        var s = WordStream.Create(text);
        Assert.Equal(4, s.Count);
        Assert.Equal(["Hello", "wörld", "next", "line"], s.Tokens.ToArray().Select(t => text[t.Start..t.End]).ToArray());
        Assert.Equal((2, 15), s.CharRange(0, 2));
        Assert.Equal(2, s.WordAt(text.IndexOf("next", StringComparison.Ordinal)));
    }

    [Fact]
    public void Url_is_one_token_with_lower_case_host_and_sentence_punctuation_outside()
    {
        const string text = "see https://JustNetCoalition.ORG/Big-Tech.pdf. Then";
        var s = WordStream.Create(text);
        Assert.Equal(3, s.Count);
        Assert.Equal("https://JustNetCoalition.ORG/Big-Tech.pdf", text[s[1].Start..s[1].End]);
        Assert.Equal(s[1].Hash, WordStream.Create("http://justnetcoalition.org/Big-Tech.pdf/")[0].Hash);
        Assert.NotEqual(s[1].Hash, WordStream.Create("https://justnetcoalition.org/big-tech.pdf")[0].Hash);
    }

    [Fact]
    public void Wrapped_url_matches_the_unwrapped_link()
    {
        // The Safe Links wrapper of seed 001 (parminder's letter as forwarded by Outlook).
        const string wrapped = "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fjustnetcoalition.org%2Fbig-tech-governing-big-tech.pdf&data=04%7C01%7Cmilton%40gatech.edu%7Cb4c8944001194bc7858208d8e5e11d64&sdata=LINRHD5T4MZBhJN75Fvb%2BJ04O4zUY1ErnSUWmDtofb8%3D&reserved=0";
        var plain = WordStream.Create("https://justnetcoalition.org/big-tech-governing-big-tech.pdf");
        var viaWrapper = WordStream.Create("at " + wrapped + " now");
        Assert.Equal(3, viaWrapper.Count);
        Assert.Equal(plain[0].Hash, viaWrapper[1].Hash);
    }

    [Fact]
    public void Bracketed_link_annotations_are_skipped()
    {
        var outlook = "filling this form<https://example.org/form?x=1> before midnight, mail secretariat<mailto:s at example.org> now";
        var plain = "filling this form before midnight, mail secretariat now";
        Assert.Equal(Hashes(plain), Hashes(outlook));
        Assert.Equal(Hashes(plain), Hashes("filling this form <https://example.org/form?x=1> before midnight, mail secretariat now"));
    }

    [Fact]
    public void Hash_is_stable_across_processes()
    {
        // FNV-1a 64 of the UTF-16 units of "big": a fixed value, never string.GetHashCode.
        var expected = 14695981039346656037UL;
        foreach (var c in "big")
        {
            expected = (expected ^ c) * 1099511628211UL;
        }

        Assert.Equal(expected, WordStream.Create("BIG")[0].Hash);
    }

    [Fact]
    public void Empty_and_punctuation_only_texts_have_no_words()
    {
        Assert.Equal(0, WordStream.Create(string.Empty).Count);
        Assert.Equal(0, WordStream.Create(">> -- ... ‘’ “” —\n\n").Count);
    }
}
