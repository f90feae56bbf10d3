using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using ListArchive.Ingest;
using ListArchive.Testing;

namespace ListArchive.Web.Tests;

public class CampaignPageTests(ArchiveSite site) : IClassFixture<ArchiveSite>
{
    [Fact]
    public async Task CampaignsPageListsTheOpenLetterWithASparkline()
    {
        var html = await site.Client.GetStringAsync("/campaigns");
        var decoded = WebUtility.HtmlDecode(html);
        Assert.Contains("Please endorse: open letter opposing a Big Tech dominated body", decoded);
        Assert.Contains("<svg class=\"spark\"", html);
        Assert.Contains("6 senders within 72 h", decoded);
        Assert.DoesNotContain("lena@example.org", html);
    }

    [Fact]
    public async Task CampaignPageShowsTemplateSendersLinksAndEveryCopy()
    {
        using var api = JsonDocument.Parse(await site.Client.GetStringAsync("/api/campaigns"));
        var campaign = Assert.Single(api.RootElement.GetProperty("campaigns").EnumerateArray());
        Assert.True(campaign.GetProperty("flagged").GetBoolean());
        Assert.Equal(6, campaign.GetProperty("senders").GetInt32());
        var id = campaign.GetProperty("id").GetString()!;

        var html = await site.Client.GetStringAsync("/campaigns/" + id);
        var decoded = WebUtility.HtmlDecode(html);
        Assert.Contains("<mark>", html);
        Assert.Contains("Enhanced Cooperation", decoded);
        Assert.Contains("https://justnetcoalition.org/big-tech-governing-big-tech-form", decoded);
        Assert.Contains("l…@example.org", decoded);
        Assert.DoesNotContain("lena@example.org", decoded);
        Assert.DoesNotContain("Alex Muster", decoded);
        foreach (var mid in campaign.GetProperty("messageIds").EnumerateArray())
        {
            Assert.Contains("/governance/" + Uri.EscapeDataString(mid.GetString()!) + "/", decoded);
        }

        using var detail = JsonDocument.Parse(await site.Client.GetStringAsync("/api/campaigns/" + id));
        Assert.Equal(6, detail.RootElement.GetProperty("messages").GetArrayLength());
        Assert.Contains(detail.RootElement.GetProperty("template").EnumerateArray(), p => p.GetProperty("varies").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/api/campaigns/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/campaigns/nope")).StatusCode);
    }

    [Fact]
    public async Task AtomFeedHasOneEntryPerFlag()
    {
        var response = await site.Client.GetAsync("/campaigns/feed.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));
        Assert.Equal("2021-03-06T21:03:33Z", entry.Element(atom + "updated")!.Value);
        Assert.StartsWith("urn:listarchive:campaign:", entry.Element(atom + "id")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileCampaignIsEscapedEverywhere()
    {
        using var data = new TempDirectory();
        var paths = Enumerable.Range(1, 5).Select(i =>
        {
            var path = data.Combine($"h{i}.eml");
            File.WriteAllText(path, $"""
                From: "<b>Mallory {i}</b>" <m{i}@evil.example>
                To: list@example.org
                Subject: <script>alert({i})</script> sign now
                Date: Mon, 6 May 2024 10:0{i}:00 +0000
                Message-ID: <h{i}@evil.example>

                <script>alert('x')</script> Please sign this petition against the closure of the
                Harbour Street library, which serves hundreds of pupils and older residents every
                week, before the council votes on Monday. <img src=x onerror=alert(1)> Thank you.

                """.Replace("\n", "\r\n"));
            return path;
        }).ToList();
        using var archive = Archive.Open(data.Combine("db"));
        new ImportPipeline(archive).Import(paths, new ImportOptions { List = "hostile" });
        var app = WebApp.Build(new ArchiveReader(archive.Index, archive.Raw), "http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var list = await client.GetStringAsync("/campaigns");
            var id = Assert.Single(archive.Index.GetCampaigns(false, 0, 10)).Id;
            var page = await client.GetStringAsync("/campaigns/" + id);
            var feed = await client.GetStringAsync("/campaigns/feed.atom");
            foreach (var html in new[] { list, page })
            {
                Assert.DoesNotContain("<script>", html);
                Assert.DoesNotContain("<img", html);
                Assert.DoesNotContain("<b>Mallory", html);
                Assert.Contains("&lt;script&gt;", html);
            }

            Assert.DoesNotContain("<script>", feed);
            Assert.DoesNotContain("m1@evil.example", page);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
