using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>A thread: its tree (indented by depth), then every message in thread order.</summary>
internal static class ThreadPage
{
    public static string Render(ThreadView thread) => Render(thread, currentMessageId: null);

    public static string Render(ThreadView thread, string? currentMessageId)
    {
        var t = thread.Thread;
        var w = new HtmlWriter().Raw("<h1>").Text(string.IsNullOrWhiteSpace(t.Subject) ? "(no subject)" : t.Subject).Raw("</h1>")
            .Raw("<p class=\"meta\">").Link(Paths.List(t.List), t.List)
            .Text($" · {t.Messages} messages · {t.Participants} participants · {Format.Day(t.FirstDate)} – {Format.Day(t.LastDate)}").Raw("</p>");
        WriteTree(w, thread.Messages, currentMessageId);
        foreach (var message in thread.Messages)
        {
            MessageBlock.Write(w, message, linkSubject: true);
        }

        return Layout.Page(t.Subject, w.ToString());
    }

    /// <summary>
    /// The tree as nested lists built from each message's depth (messages come in thread order, a
    /// pre-order walk): a child's list opens inside its parent's item. A depth that jumps by more
    /// than one (a child of a missing parent) is taken one level deeper than its predecessor.
    /// </summary>
    internal static void WriteTree(HtmlWriter w, IReadOnlyList<MessageView> messages, string? currentMessageId)
    {
        w.Raw("<nav class=\"tree\" aria-label=\"Thread\">");
        var level = -1;
        foreach (var m in messages)
        {
            var depth = Math.Min(Math.Min(m.Depth ?? 0, MessageBlock.MaxIndent), level + 1);
            if (depth > level)
            {
                w.Raw("<ul>");
            }
            else
            {
                w.Raw("</li>");
                for (; level > depth; level--)
                {
                    w.Raw("</ul></li>");
                }
            }

            level = depth;
            w.Raw(m.MessageId == currentMessageId ? "<li class=\"current\">" : "<li>")
             .Link("#m" + m.RawId.ToString(Format.Culture), AddressDisplay.Name(m.From.Name, m.From.Address))
             .Raw(" <span class=\"meta\">").Text(Format.Time(m.Date)).Raw("</span>");
        }

        if (level >= 0)
        {
            w.Raw("</li>");
            for (; level > 0; level--)
            {
                w.Raw("</ul></li>");
            }

            w.Raw("</ul>");
        }

        w.Raw("</nav>");
    }
}
