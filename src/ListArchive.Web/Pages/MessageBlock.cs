using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>One message as an article: header lines, the body as escaped text, attachments.</summary>
internal static class MessageBlock
{
    /// <summary>Deep threads stay readable: indentation stops growing here.</summary>
    public const int MaxIndent = 8;

    public static void Write(HtmlWriter w, MessageView m, bool linkSubject, IReadOnlyList<long>? otherCopies = null,
        IReadOnlyDictionary<string, MessageView>? known = null)
    {
        w.Raw("<article class=\"msg\" tabindex=\"-1\" id=\"m").Text(m.RawId.ToString(Format.Culture)).Raw("\"><h2>");
        var subject = string.IsNullOrWhiteSpace(m.Subject) ? "(no subject)" : m.Subject;
        if (linkSubject)
        {
            w.Link(Paths.Message(m.List, m.MessageId), subject);
        }
        else
        {
            w.Text(subject);
        }

        w.Raw("</h2><div class=\"meta\">");
        if (m.From.AuthorId is { } authorId)
        {
            w.Link(Paths.Author(authorId), AddressDisplay.Name(m.From.Name, m.From.Address), "author");
        }
        else
        {
            w.Text(AddressDisplay.Name(m.From.Name, m.From.Address));
        }

        if (!string.IsNullOrWhiteSpace(m.From.Name) && !string.IsNullOrWhiteSpace(m.From.Address))
        {
            w.Text(" <" + AddressDisplay.Obfuscate(m.From.Address) + ">");
        }

        w.Raw(" · ").Text(Format.Time(m.Date)).Raw(" · ")
         .Link(Paths.Message(m.List, m.MessageId), "permalink").Raw(" · ")
         .Link(Paths.Raw(m.List, m.MessageId), "raw");
        foreach (var copy in otherCopies ?? [])
        {
            w.Raw(" · ").Link(Paths.RawCopy(m.List, m.MessageId, copy), "raw of a differing copy");
        }

        w.Raw("</div>");
        BodyRenderer.Write(w, m, known);
        if (m.Attachments.Count > 0)
        {
            w.Raw("<ul class=\"meta attachments\" aria-label=\"Attachments\">");
            foreach (var a in m.Attachments)
            {
                w.Raw("<li>Attachment: ").Text(a.Name ?? "(unnamed)").Text($" ({a.ContentType}").Text(a.Size is { } size and >= 0 ? $", {size.ToString("N0", Format.Culture)} bytes)" : ")");
                if (a.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
                {
                    // Pipermail scrubbed attachments: the list server's copy.
                    w.Raw(" ").Link(url, "download from the list's archive");
                }

                w.Raw("</li>");
            }

            w.Raw("</ul>");
        }

        if (m.Problems.Count > 0)
        {
            w.Raw("<details class=\"problems\"><summary>").Text($"{m.Problems.Count} reading problem(s)").Raw("</summary><ul>");
            foreach (var p in m.Problems)
            {
                w.Raw("<li>").Text($"{p.Code}: {p.Message}").Raw("</li>");
            }

            w.Raw("</ul></details>");
        }

        w.Raw("</article>");
    }
}
