using ListArchive.Analysis.Campaigns;

namespace ListArchive.Analysis.Tests.Campaigns;

public sealed class CampaignAnalyzerTests
{
    private static readonly CampaignOptions Options = new();
    private static readonly DateTimeOffset T0 = new(2024, 5, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, double> Rates = new() { ["a"] = 0.5, ["b"] = 0.5, ["c"] = 0.5 };

    private static CampaignMember Member(int i, string sender, TimeSpan after, string list = "a", string? subject = null, string? text = null, string? address = null) =>
        new(i, $"m{i}@x", list, sender, null, address ?? sender + "@example.org", T0 + after, subject ?? "Save the Harbour Street library",
            text ?? CampaignTexts.Letter + "\nhttps://forms.example.org/sign?utm_source=list", ["https://forms.example.org/sign?utm_campaign=x"], i % 2 == 0);

    [Fact]
    public void FiveSendersWithinThreeDaysAreFlagged()
    {
        var members = Enumerable.Range(1, 5).Select(i => Member(i, "s" + i, TimeSpan.FromHours(i * 10))).ToList();
        var s = CampaignAnalyzer.Analyze(members, Rates, Options);
        Assert.True(s.Flagged);
        Assert.Equal(5, s.Senders);
        Assert.Equal(T0 + TimeSpan.FromHours(50), s.FlaggedAt);
        Assert.Contains(s.SharedLinks, l => l.Url == "https://forms.example.org/sign" && l.Senders == 5);
        Assert.Contains(s.SignOn, m => m.StartsWith("form or petition link", StringComparison.Ordinal));
        Assert.Contains("sign-on wording", s.SignOn);
        Assert.Equal(0.4, s.FirstTimeShare);
    }

    [Fact]
    public void TheSameFiveSendersSpreadOverWeeksAreNot()
    {
        var members = Enumerable.Range(1, 5).Select(i => Member(i, "s" + i, TimeSpan.FromDays(i * 4))).ToList();
        var s = CampaignAnalyzer.Analyze(members, Rates, Options);
        Assert.False(s.Flagged);
        Assert.Equal(1, s.SendersInWindow);
    }

    [Fact]
    public void ThreeListsAndTwoSendersAreFlaggedButOneAuthorsCrossPostIsNot()
    {
        var two = new[] { Member(1, "s1", TimeSpan.Zero, "a"), Member(2, "s2", TimeSpan.FromDays(9), "b"), Member(3, "s2", TimeSpan.FromDays(9), "c") };
        var flagged = CampaignAnalyzer.Analyze(two, Rates, Options);
        Assert.True(flagged.Flagged);
        Assert.Equal("3 lists", Assert.Single(flagged.Reasons));

        var one = new[] { Member(1, "s1", TimeSpan.Zero, "a"), Member(1, "s1", TimeSpan.Zero, "b"), Member(1, "s1", TimeSpan.Zero, "c") };
        var crossPost = CampaignAnalyzer.Analyze(one, Rates, Options);
        Assert.False(crossPost.Flagged);
        Assert.Equal(NegativeControls.SingleSender, crossPost.Control);
        Assert.Equal(1, crossPost.CrossPosts);
        Assert.Equal(Math.Round(Math.Sqrt(3), 2), crossPost.SpreadScore);
    }

    [Fact]
    public void LockstepArrivalsAreFlaggedAndBurstIsMeasured()
    {
        var members = Enumerable.Range(1, 5).Select(i => Member(i, "s" + (i % 2), TimeSpan.FromSeconds(i * 5))).ToList();
        var s = CampaignAnalyzer.Analyze(members, Rates, Options);
        Assert.True(s.Flagged);
        Assert.Equal(5, s.Lockstep);
        Assert.Equal(10, s.BurstRatio);
    }

    [Theory]
    [InlineData("[PATCH v2 3/7] sched: fix timer drift", null, null, NegativeControls.PatchSeries)]
    [InlineData("CFP: Workshop on community networks 2024", null, null, NegativeControls.CallForPapers)]
    [InlineData("[ANN] Twisted 24.3.0 released", null, null, NegativeControls.ReleaseAnnouncement)]
    [InlineData("Build failed", null, "jenkins@ci.example.org", NegativeControls.Bot)]
    [InlineData("[List] [Bug #14078] segfault in the ledger view", null, "admin@tracker.example.org", NegativeControls.Bot)]
    [InlineData("note", "This e-mail is confidential and intended only for the named recipient. If you received it in error please delete it.", null, NegativeControls.Footer)]
    public void NegativeControlsAreRecognisedAndNeverFlagged(string subject, string? text, string? address, string control)
    {
        var members = Enumerable.Range(1, 6).Select(i => Member(i, "s" + i, TimeSpan.FromMinutes(i), subject: subject, text: text, address: address)).ToList();
        var s = CampaignAnalyzer.Analyze(members, Rates, Options);
        Assert.Equal(control, s.Control);
        Assert.False(s.Flagged);
        Assert.NotEmpty(s.Reasons);
    }

    [Fact]
    public void TemplateMarksTheVaryingSlots()
    {
        var texts = new[] { "Ana", "Ben", "Chloe", "Dmitri" }.Select(n => $"My name is {n} and " + CampaignTexts.Letter).ToList();
        var parts = CampaignTemplate.Build(texts, Options);
        var varying = string.Concat(parts.Where(p => p.Varies).Select(p => p.Text));
        var common = string.Concat(parts.Where(p => !p.Varies).Select(p => p.Text));
        Assert.Contains("Harbour Street", common);
        Assert.DoesNotContain("Harbour Street", varying);
        Assert.Matches("Ana|Ben|Chloe|Dmitri", varying);
        Assert.Contains(string.Concat(parts.Select(p => p.Text)), texts);
    }
}
