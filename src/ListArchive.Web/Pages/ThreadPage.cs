using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>
/// A thread: its tree (indented by depth), then every message in thread order. Copies stored
/// under one Message-ID with different content (a list's archive copy and a member's delivered
/// copy, archives/governance/delivered) are one message here: the earliest stored copy is shown
/// and the others are linked as raw copies, so a reader never sees the same post twice.
/// </summary>
internal static class ThreadPage
{
    public static string Render(ThreadView thread) => Render(thread, currentMessageId: null);

    public static string Render(ThreadView thread, string? currentMessageId)
    {
        var t = thread.Thread;
        var w = new HtmlWriter().Raw("<h1>").Text(string.IsNullOrWhiteSpace(t.Subject) ? "(no subject)" : t.Subject).Raw("</h1>")
            .Raw("<p class=\"meta\">").Link(Paths.List(t.List), t.List)
            .Text($" · {t.Messages} messages · {t.Participants} participants · {Format.Day(t.FirstDate)} – {Format.Day(t.LastDate)}").Raw("</p>");
        var copies = thread.Messages.GroupBy(m => m.MessageId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.RawId).ToList(), StringComparer.Ordinal);
        var shown = thread.Messages.Where(m => copies[m.MessageId][0].RawId == m.RawId).ToList();
        WriteTree(w, shown, currentMessageId);
        foreach (var message in shown)
        {
            MessageBlock.Write(w, message, linkSubject: true, otherCopies: copies[message.MessageId].Skip(1).Select(c => c.RawId).ToList());
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
