using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>The permalink page of one message, with where it sits in its thread.</summary>
internal static class MessagePage
{
    public static string Render(MessageView m)
    {
        var w = new HtmlWriter().Raw("<p class=\"meta\">").Link(Paths.List(m.List), m.List);
        if (m.ThreadId is not null)
        {
            w.Raw(" · ").Link(Paths.Thread(m.List, m.ThreadId), "whole thread");
        }

        if (m.ParentId is not null)
        {
            w.Raw(" · in reply to ").Link(Paths.Message(m.List, m.ParentId), "<" + m.ParentId + ">");
        }

        w.Raw("</p>");
        MessageBlock.Write(w, m, linkSubject: false);
        w.Raw("<p class=\"meta\">Message-ID: ").Text("<" + m.MessageId + ">").Raw("</p>");
        return Layout.Page(string.IsNullOrWhiteSpace(m.Subject) ? "(no subject)" : m.Subject, w.ToString());
    }
}
