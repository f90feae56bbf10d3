using System.Net;
using System.Text.Json;

namespace ListArchive.Web.Tests;

/// <summary>The pages on a real corpus (twisted-python, two months): every listed thread renders, quotes get origins.</summary>
public sealed class CorpusPageTests(CorpusSite site) : IClassFixture<CorpusSite>
{
    [Fact]
    public async Task EveryThreadOfTheFirstPageRendersWithItsMessages()
    {
        using var threads = JsonDocument.Parse(await site.Client.GetStringAsync($"/api/lists/{CorpusSite.List}/threads?limit=50"));
        var items = threads.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(50, items.Count);
        foreach (var t in items)
        {
            var response = await site.Client.GetAsync($"/{CorpusSite.List}/thread/{Uri.EscapeDataString(t.GetProperty("threadId").GetString()!)}/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(html.Split("<article class=\"msg\"").Length - 1 >= 1);
            // Addresses are cut to their first character, in both the '@' and pipermail's " at " forms.
            var text = WebUtility.HtmlDecode(html);
            Assert.DoesNotMatch(@"[A-Za-z0-9._%+\-]{2,}@twistedmatrix\.com", text);
            Assert.DoesNotMatch(@"[A-Za-z0-9_%+\-]*[._%+\-0-9][A-Za-z0-9._%+\-]* at twistedmatrix\.com", text);
        }
    }

    [Fact]
    public async Task MostQuotesInTheBiggestThreadLinkAnOriginInTheThread()
    {
        var (threadId, html) = await BiggestThread();
        var labels = html.Split("<details class=\"quote\"><summary>").Skip(1).Select(s => s[..s.IndexOf("</summary>", StringComparison.Ordinal)]).ToList();
        Assert.NotEmpty(labels);
        var withOrigin = labels.Count(l => l.Contains("class=\"origin\"", StringComparison.Ordinal));
        // Pipermail mail quotes with '>' and "X wrote:" lines; the reply chain names the origin of most.
        Assert.True(withOrigin * 2 >= labels.Count, $"{withOrigin} of {labels.Count} quotes have an origin link in thread {threadId}");
        Assert.True(labels.Count(l => l.StartsWith("quoting ", StringComparison.Ordinal) && !l.StartsWith("quoting earlier text", StringComparison.Ordinal)) * 2 >= labels.Count);
    }

    [Fact]
    public async Task MonthIndexesListEveryMessageOfTheMonth()
    {
        using var month = JsonDocument.Parse(await site.Client.GetStringAsync($"/api/lists/{CorpusSite.List}/months/2003/04?by=date"));
        var count = month.RootElement.GetProperty("messages").GetArrayLength();
        Assert.True(count > 100);
        foreach (var by in new[] { "thread", "date", "author" })
        {
            var html = await site.Client.GetStringAsync($"/{CorpusSite.List}/2003/04/?by={by}");
            Assert.Equal(count, html.Split("<li").Length - 1 - (by == "thread" ? 0 : html.Split("<li><strong>").Length - 1));
        }
    }

    internal async Task<(string ThreadId, string Html)> BiggestThread()
    {
        using var threads = JsonDocument.Parse(await site.Client.GetStringAsync($"/api/lists/{CorpusSite.List}/threads?limit=500"));
        var biggest = threads.RootElement.GetProperty("items").EnumerateArray().MaxBy(t => t.GetProperty("messages").GetInt32());
        var id = biggest.GetProperty("threadId").GetString()!;
        return (id, await site.Client.GetStringAsync($"/{CorpusSite.List}/thread/{Uri.EscapeDataString(id)}/"));
    }
}
