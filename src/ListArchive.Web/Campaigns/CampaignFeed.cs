using System.Text;
using System.Xml;
using ListArchive.Storage.Index;

namespace ListArchive.Web.Campaigns;

/// <summary>
/// Atom (RFC 4287) feed of flags, newest first: one entry per flagged campaign, updated when it was
/// flagged (the date of the copy that met a threshold). XmlWriter escapes every text.
/// </summary>
internal static class CampaignFeed
{
    public static string Render(IReadOnlyList<CampaignSummary> flagged, string baseUrl)
    {
        var sb = new StringBuilder();
        using (var x = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            x.WriteStartElement("feed", ns);
            x.WriteElementString("title", ns, "ListArchive: campaigns flagged for review");
            x.WriteElementString("id", ns, "urn:listarchive:campaigns");
            var newest = flagged.Select(c => c.Signals.FlaggedAt ?? c.Signals.Last).Where(d => d is not null).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
            x.WriteElementString("updated", ns, Stamp(newest));
            Link(x, ns, baseUrl + "/campaigns/feed.atom", "self");
            Link(x, ns, baseUrl + "/campaigns", "alternate");
            foreach (var c in flagged)
            {
                var s = c.Signals;
                x.WriteStartElement("entry", ns);
                x.WriteElementString("title", ns, string.IsNullOrWhiteSpace(c.Subject) ? "Campaign " + c.Id : c.Subject);
                x.WriteElementString("id", ns, "urn:listarchive:campaign:" + c.Id);
                x.WriteElementString("updated", ns, Stamp(s.FlaggedAt ?? s.Last));
                Link(x, ns, baseUrl + CampaignEndpoints.PagePath(c.Id), "alternate");
                x.WriteElementString("summary", ns,
                    $"{s.Copies} copies from {s.Senders} senders on {s.Lists} list(s): {string.Join("; ", s.Reasons)}");
                x.WriteStartElement("author", ns);
                x.WriteElementString("name", ns, "ListArchive");
                x.WriteEndElement();
                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter x, string ns, string href, string rel)
    {
        x.WriteStartElement("link", ns);
        x.WriteAttributeString("rel", rel);
        x.WriteAttributeString("href", href);
        x.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset? date) =>
        (date ?? DateTimeOffset.UnixEpoch).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
