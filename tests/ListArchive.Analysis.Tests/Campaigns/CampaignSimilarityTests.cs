using ListArchive.Analysis.Campaigns;

namespace ListArchive.Analysis.Tests.Campaigns;

public sealed class CampaignSimilarityTests
{
    private static readonly CampaignOptions Options = new();

    [Fact]
    public void FewerThanEightWordsAreNeverFingerprinted()
    {
        Assert.Null(CampaignSketch.Create("+1, I agree with this.", Options));
        Assert.Null(CampaignSketch.Create("Me too. Count me in please!", Options));
        Assert.NotNull(CampaignSketch.Create("one two three four five six seven eight", Options));
    }

    [Fact]
    public void RewrappedAndRecasedCopyIsTheSameText()
    {
        var a = CampaignSketch.Create(CampaignTexts.Letter, Options)!;
        var b = CampaignSketch.Create(CampaignTexts.Letter.Replace("\n", " ").ToUpperInvariant(), Options)!;
        Assert.Equal(a.TextHash, b.TextHash);
        Assert.Equal(a.BandKeys, b.BandKeys);
        Assert.True(CampaignSimilarity.AreCopies(a, b, Options));
    }

    [Fact]
    public void TemplateInsideAPersonalNoteIsACopyByContainment()
    {
        var letter = CampaignSketch.Create(CampaignTexts.Letter, Options)!;
        var note = CampaignSketch.Create(CampaignTexts.Personal + "\n\n" + CampaignTexts.Letter.Replace("Friday", "Thursday"), Options)!;
        var jaccard = CampaignSimilarity.Jaccard(letter, note);
        Assert.True(jaccard < 0.7, $"the personal paragraph lowers Jaccard ({jaccard})");
        Assert.True(CampaignSimilarity.AreCopies(letter, note, Options));
        Assert.Contains(letter.BandKeys, note.BandKeys.Contains);
    }

    [Fact]
    public void UnrelatedTextsAreNotCopies()
    {
        var a = CampaignSketch.Create(CampaignTexts.Letter, Options)!;
        var b = CampaignSketch.Create(CampaignTexts.Unrelated, Options)!;
        Assert.False(CampaignSimilarity.AreCopies(a, b, Options));
        Assert.True(CampaignSimilarity.Jaccard(a, b) < 0.05);
    }

    [Fact]
    public void ShortTextsMustBeNearlyIdentical()
    {
        var a = CampaignSketch.Create("Thanks for the summary, I agree with the plan for the next release.", Options)!;
        var b = CampaignSketch.Create("Thanks for the summary, I disagree with the plan for the next meeting.", Options)!;
        Assert.False(CampaignSimilarity.AreCopies(a, b, Options));
    }

    [Theory]
    [InlineData("HTTPS://Example.ORG/Petition/?utm_source=mail&id=7#top", "https://example.org/Petition?id=7")]
    [InlineData("http://forms.example.net/sign?fbclid=abc", "https://forms.example.net/sign")]
    [InlineData("https://example.org/", "https://example.org")]
    [InlineData("not a url", "not a url")]
    public void LinksAreCanonicalised(string url, string expected) =>
        Assert.Equal(expected, LinkCanonicalizer.Canonicalize(url));
}
