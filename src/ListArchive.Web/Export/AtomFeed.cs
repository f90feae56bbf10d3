using System.Text;
using System.Xml;
using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Export;

/// <summary>
/// Atom feeds (RFC 4287) of a list's latest messages and of a thread. Entry ids are the
/// permalinks (stable, Message-ID based, §4.2.6); content is the sender's own words as text,
/// addresses obfuscated as on the pages.
/// </summary>
internal static class AtomFeed
{
    public const int Entries = 30;

    public static string Write(string baseUrl, string title, string selfPath, string alternatePath, IEnumerable<MessageView> messages)
    {
        var items = messages.ToList();
        var sb = new StringBuilder();
        using (var x = XmlWriter.Create(sb, new XmlWriterSettings { Indent = false, OmitXmlDeclaration = false, CheckCharacters = false }))
        {
            x.WriteStartDocument();
            x.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            x.WriteElementString("title", Clean(title));
            x.WriteElementString("id", baseUrl + selfPath);
            Link(x, "self", baseUrl + selfPath);
            Link(x, "alternate", baseUrl + alternatePath);
            var updated = items.Select(m => m.Date).Where(d => d is not null).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max()!.Value;
            x.WriteElementString("updated", Stamp(updated));
            foreach (var m in items)
            {
                var url = baseUrl + Paths.Message(m.List, m.MessageId);
                x.WriteStartElement("entry");
                x.WriteElementString("title", Clean(string.IsNullOrWhiteSpace(m.Subject) ? "(no subject)" : m.Subject));
                x.WriteElementString("id", url);
                Link(x, "alternate", url);
                x.WriteElementString("updated", Stamp(m.Date ?? DateTimeOffset.UnixEpoch));
                x.WriteStartElement("author");
                x.WriteElementString("name", Clean(AddressDisplay.Name(m.From.Name, m.From.Address)));
                x.WriteEndElement();
                x.WriteStartElement("content");
                x.WriteAttributeString("type", "text");
                x.WriteString(Clean(AddressDisplay.ObfuscateText(OwnText(m))));
                x.WriteEndElement();
                x.WriteEndElement();
            }

            x.WriteEndElement();
            x.WriteEndDocument();
        }

        // StringBuilder output declares utf-16; the bytes are sent as UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>The own segments joined (the whole body when unsegmented), capped: a feed is a pointer.</summary>
    private static string OwnText(MessageView m)
    {
        var own = m.Segments.Count == 0 ? m.BodyText : string.Concat(m.Segments
            .Where(s => s.Kind == TextSegment.Own && s.Start >= 0 && s.Start + s.Length <= m.BodyText.Length)
            .Select(s => m.BodyText.Substring(s.Start, s.Length)));
        return own.Length > 4000 ? own[..4000] + "…" : own;
    }

    private static void Link(XmlWriter x, string rel, string href)
    {
        x.WriteStartElement("link");
        x.WriteAttributeString("rel", rel);
        x.WriteAttributeString("href", href);
        x.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Format.Culture);

    /// <summary>XML 1.0 §2.2 allows no control characters; mail has them (form feeds, NULs).</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
