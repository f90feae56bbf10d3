using ListArchive.Analysis.Campaigns;
using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ListArchive.Web.Campaigns;

/// <summary>
/// The moderators' campaign views (issue 8; docs/campaigns.md §Web, docs/api.md §Campaigns):
/// <c>/campaigns</c>, <c>/campaigns/{id}</c>, <c>/campaigns/feed.atom</c> and the JSON API under
/// <c>/api/campaigns</c>. Addresses are obfuscated as on every page.
/// </summary>
internal static class CampaignEndpoints
{
    private const int PageSize = 100;

    public static string PagePath(string id) => "/campaigns/" + Paths.Seg(id);

    public static void Map(WebApplication app)
    {
        app.MapGet("/campaigns", (ArchiveReader archive, int? all) =>
        {
            var showAll = all == 1;
            var rows = archive.Read(i => i.GetCampaigns(showAll, 0, PageSize)
                .Select(c => (c, (IReadOnlyList<DateTimeOffset>)Dates(i, c.Id))).ToList());
            return Html(CampaignsPage.Render(rows, showAll));
        });

        app.MapGet("/campaigns/feed.atom", (HttpContext context, ArchiveReader archive) =>
        {
            var flagged = archive.Read(i => i.GetCampaigns(false, 0, 50));
            var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Content(CampaignFeed.Render(flagged, baseUrl), "application/atom+xml; charset=utf-8");
        });

        app.MapGet("/campaigns/{id}", (ArchiveReader archive, string id) =>
        {
            var view = archive.Read(i => i.GetCampaign(id));
            if (view is null)
            {
                var w = new HtmlWriter().Raw("<h1>Not found</h1><p>").Text("No such campaign.").Raw("</p>");
                return Results.Content(Layout.Page("Not found", w.ToString()), "text/html; charset=utf-8", statusCode: 404);
            }

            return Html(CampaignPage.Render(view, Template(view)));
        });

        var api = app.MapGroup("/api/campaigns");
        api.MapGet("", (ArchiveReader archive, int? all, int? offset, int? limit) =>
        {
            var campaigns = archive.Read(i => i.GetCampaigns(all == 1, Math.Max(offset ?? 0, 0), Math.Clamp(limit ?? 50, 1, 500)));
            return Results.Json(new { Campaigns = campaigns.Select(Summary) });
        });
        api.MapGet("/{id}", (ArchiveReader archive, string id) =>
        {
            var view = archive.Read(i => i.GetCampaign(id));
            return view is null ? Results.NotFound() : Results.Json(new
            {
                Campaign = Summary(view.Summary),
                Template = Template(view).Select(p => new { Text = AddressDisplay.ObfuscateText(p.Text), p.Varies }),
                Messages = view.Messages.Select(m => new
                {
                    m.MessageId, m.List, m.Subject, m.Date, m.FirstTimeSender,
                    From = new { m.From.Name, Address = AddressDisplay.Obfuscate(m.From.Address), m.From.AuthorId },
                }),
            });
        });
    }

    private static object Summary(CampaignSummary c) => new
    {
        c.Id,
        c.Signals.Flagged,
        c.Signals.Copies,
        c.Signals.Senders,
        c.Signals.Lists,
        c.Signals.First,
        c.Signals.Last,
        c.Signals.FlaggedAt,
        c.Subject,
        c.ListNames,
        c.MessageIds,
        c.Signals,
    };

    private static IReadOnlyList<TemplatePart> Template(CampaignView view) =>
        CampaignTemplate.Build(view.Messages.Select(m => m.OwnText).ToList(), new CampaignOptions());

    private static List<DateTimeOffset> Dates(IArchiveIndex index, string id) =>
        index.GetCampaign(id)?.Messages.Where(m => m.Date is not null).Select(m => m.Date!.Value).ToList() ?? [];

    private static IResult Html(string page) => Results.Content(page, "text/html; charset=utf-8");
}
