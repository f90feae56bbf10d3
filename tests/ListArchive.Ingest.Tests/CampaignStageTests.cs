using System.Text.Json;
using ListArchive.Analysis.Campaigns;
using ListArchive.Ingest;
using ListArchive.Storage;
using ListArchive.Testing;

namespace ListArchive.Ingest.Tests;

public sealed class CampaignStageTests
{
    /// <summary>The constructed sign-on posts of archives/governance/2021-March.txt (expected.json "campaigns").</summary>
    private static (List<string> Members, List<string> NotMembers) Expected()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.Repo("archives", "governance", "expected.json")));
        var c = json.RootElement.GetProperty("campaigns")[0];
        static List<string> Ids(JsonElement e) => e.EnumerateArray().Select(x => MessageIds.Normalize(x.GetString())!).ToList();
        return (Ids(c.GetProperty("members")), Ids(c.GetProperty("not_members")));
    }

    [Fact]
    public void GovernanceOpenLetterIsOneFlaggedCampaignWithoutTheReplies()
    {
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        new ImportPipeline(archive).Import([RepoPaths.Repo("archives", "governance")]);

        var (members, notMembers) = Expected();
        var flagged = Assert.Single(archive.Index.GetCampaigns(all: false, 0, 100));
        Assert.Equal(members.Order(), flagged.MessageIds.Order());
        Assert.DoesNotContain(flagged.MessageIds, notMembers.Contains);
        Assert.True(flagged.Signals.Flagged);
        Assert.Equal(6, flagged.Signals.Senders);
        Assert.Contains(flagged.Signals.SharedLinks, l => l.Url == "https://justnetcoalition.org/big-tech-governing-big-tech-form" && l.Senders == 5);
        Assert.Contains(flagged.Signals.SignOn, m => m.StartsWith("form or petition link", StringComparison.Ordinal));

        var view = archive.Index.GetCampaign(flagged.Id)!;
        Assert.Equal(6, view.Messages.Count);
        Assert.All(view.Messages, m => Assert.DoesNotContain("Alex", m.From.Name ?? ""));
        var template = CampaignTemplate.Build(view.Messages.Select(m => m.OwnText).ToList(), new CampaignOptions());
        Assert.Contains(template, p => !p.Varies && p.Text.Contains("Enhanced", StringComparison.Ordinal));
        Assert.Contains(template, p => p.Varies);
    }

    [Fact]
    public void CampaignsDoNotDependOnImportOrderAndReindexRebuildsThem()
    {
        // The March month split into one file per message, imported forwards in one run and
        // backwards one message per run.
        using var files = new TempDirectory();
        var month = File.ReadAllText(RepoPaths.Repo("archives", "governance", "2021-March.txt"));
        var parts = System.Text.RegularExpressions.Regex.Split(month, @"(?m)^(?=From \S+ at \S+  \w{3} \w{3} )").Where(p => p.Length > 0).ToList();
        Assert.Equal(10, parts.Count);
        var paths = parts.Select((p, i) => { var f = files.Combine($"m{i:00}.mbox"); File.WriteAllText(f, p); return f; }).ToList();

        using var a = new TempDirectory();
        using var b = new TempDirectory();
        string Dump(string dir)
        {
            using var archive = Archive.Open(dir);
            return string.Join("\n", archive.Index.GetCampaigns(all: true, 0, 100).Select(c =>
                c.Id + " " + JsonSerializer.Serialize(c.Signals) + " " + string.Join(",", c.MessageIds.Order(StringComparer.Ordinal))));
        }

        using (var archive = Archive.Open(a.Path))
        {
            new ImportPipeline(archive).Import(paths, new ImportOptions { List = "governance" });
        }

        using (var archive = Archive.Open(b.Path))
        {
            foreach (var path in Enumerable.Reverse(paths))
            {
                new ImportPipeline(archive).Import([path], new ImportOptions { List = "governance" });
            }
        }

        var forwards = Dump(a.Path);
        Assert.Contains("\"Flagged\":true", forwards);
        Assert.Equal(forwards, Dump(b.Path));

        using (var archive = Archive.Open(b.Path))
        {
            new ImportPipeline(archive).Reindex();
        }

        Assert.Equal(forwards, Dump(b.Path));
    }

    [Fact]
    public void ArinDailyReportsClusterAsABotAndRaiseNoFlag()
    {
        // arin-issued-pipermail: 6,256 automated daily reports from hostmaster@arin.net, near-identical
        // day after day — the negative control "bots" at corpus scale.
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        new ImportPipeline(archive).Import([RepoPaths.Corpus("arin-issued-pipermail")]);
        var all = archive.Index.GetCampaigns(all: true, 0, 10_000);
        Assert.DoesNotContain(all, c => c.Signals.Flagged);
        var largest = all.MaxBy(c => c.Signals.Copies)!;
        Assert.True(largest.Signals.Copies >= 10, $"largest cluster {largest.Signals.Copies}");
        Assert.Contains(largest.Signals.Control, new[] { NegativeControls.Bot, NegativeControls.SingleSender });
    }
}
