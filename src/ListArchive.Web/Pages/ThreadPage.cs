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

    /// <summary>The tree as nested lists built from each message's depth (messages come in thread order).</summary>
    internal static void WriteTree(HtmlWriter w, IReadOnlyList<MessageView> messages, string? currentMessageId)
    {
        w.Raw("<nav class=\"tree\" aria-label=\"Thread\">");
        var open = 0;
        foreach (var m in messages)
        {
            var depth = Math.Min(m.Depth ?? 0, MessageBlock.MaxIndent) + 1;
            while (open < depth)
            {
                w.Raw("<ul>");
                open++;
            }

            while (open > depth)
            {
                w.Raw("</ul>");
                open--;
            }

            w.Raw(m.MessageId == currentMessageId ? "<li class=\"current\">" : "<li>")
             .Link("#m" + m.RawId.ToString(Format.Culture), AddressDisplay.Name(m.From.Name, m.From.Address))
             .Raw(" <span class=\"meta\">").Text(Format.Time(m.Date)).Raw("</span></li>");
        }

        while (open-- > 0)
        {
            w.Raw("</ul>");
        }

        w.Raw("</nav>");
    }
}
