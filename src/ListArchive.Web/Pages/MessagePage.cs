using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>The permalink page of one message, with where it sits in its thread.</summary>
internal static class MessagePage
{
    public static string Render(MessageView m, IReadOnlyList<MessageView> ancestors)
    {
        var parent = ancestors.Count > 0 ? ancestors[0] : null;
        var w = new HtmlWriter().Raw("<p class=\"meta\">").Link(Paths.List(m.List), m.List);
        if (m.ThreadId is not null)
        {
            w.Raw(" · ").Link(Paths.Thread(m.List, m.ThreadId) + "#m" + m.RawId.ToString(Format.Culture), "whole thread");
        }

        if (m.ParentId is not null)
        {
            w.Raw(" · in reply to ").Link(Paths.Message(m.List, m.ParentId),
                parent is null ? "<" + m.ParentId + ">" : AddressDisplay.Name(parent.From.Name, parent.From.Address));
        }

        w.Raw("</p>");
        var known = new Dictionary<string, MessageView>(StringComparer.Ordinal);
        foreach (var a in ancestors)
        {
            known.TryAdd(a.MessageId, a);
        }

        MessageBlock.Write(w, m, linkSubject: false, known: known);
        w.Raw("<p class=\"meta\">Message-ID: ").Text("<" + m.MessageId + ">").Raw("</p>");
        return Layout.Page(string.IsNullOrWhiteSpace(m.Subject) ? "(no subject)" : m.Subject, w.ToString());
    }
}
