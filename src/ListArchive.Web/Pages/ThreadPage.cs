using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>
/// A thread: its tree (indented by depth, each branch collapsible), then every message in thread
/// order. Copies stored under one Message-ID with different content (a list's archive copy and a
/// member's delivered copy, archives/governance/delivered) are one message here: the earliest
/// stored copy is shown and the others are linked as raw copies, so a reader never sees the same
/// post twice. Deep threads: the tree stops indenting at <see cref="MessageBlock.MaxIndent"/>
/// levels and links the deeper branch as its own page (<c>?root=MESSAGE-ID</c>).
/// </summary>
internal static class ThreadPage
{
    public static string Render(ThreadView thread) => Render(thread, currentMessageId: null);

    public static string Render(ThreadView thread, string? currentMessageId, string? root = null)
    {
        var t = thread.Thread;
        var shown = Shown(thread.Messages);
        var branch = root is null ? null : Branch(shown, root);
        var w = new HtmlWriter().Raw("<h1>").Text(string.IsNullOrWhiteSpace(t.Subject) ? "(no subject)" : t.Subject).Raw("</h1>")
            .Raw("<p class=\"meta\">").Link(Paths.List(t.List), t.List)
            .Text($" · {t.Messages} messages · {t.Participants} participants · {Format.Day(t.FirstDate)} – {Format.Day(t.LastDate)} · ")
            .Link(Paths.ThreadMbox(t.List, t.ThreadId), "mbox").Raw(" · ").Link(Paths.ThreadAtom(t.List, t.ThreadId), "Atom feed").Raw("</p>");
        if (branch is not null)
        {
            w.Raw("<p class=\"meta\">").Text($"Showing the branch under one message ({branch.Count} messages). ")
             .Link(Paths.Thread(t.List, t.ThreadId), "↑ whole thread").Raw("</p>");
            shown = branch;
        }

        var copies = thread.Messages.GroupBy(m => m.MessageId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.RawId).ToList(), StringComparer.Ordinal);
        var known = shown.ToDictionary(m => m.MessageId, StringComparer.Ordinal);
        foreach (var m in thread.Messages)
        {
            known.TryAdd(m.MessageId, m);
        }

        w.Raw("<h2 class=\"meta\" id=\"tree\">Thread tree</h2>");
        WriteTree(w, shown, currentMessageId);
        w.Raw("<h2 class=\"meta\" id=\"messages\">Messages</h2>");
        foreach (var message in shown)
        {
            MessageBlock.Write(w, message, linkSubject: true, otherCopies: copies[message.MessageId].Skip(1).Select(c => c.RawId).ToList(), known: known);
        }

        return Layout.Page(t.Subject, w.ToString(), feed: Paths.ThreadAtom(t.List, t.ThreadId));
    }

    /// <summary>One message per Message-ID: the earliest stored copy.</summary>
    internal static List<MessageView> Shown(IReadOnlyList<MessageView> messages)
    {
        var first = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var m in messages)
        {
            first[m.MessageId] = first.TryGetValue(m.MessageId, out var id) ? Math.Min(id, m.RawId) : m.RawId;
        }

        return messages.Where(m => first[m.MessageId] == m.RawId).ToList();
    }

    /// <summary>The messages under <paramref name="root"/> (it included), depth rebased; null when it is not in the thread.</summary>
    internal static List<MessageView>? Branch(IReadOnlyList<MessageView> shown, string root)
    {
        var at = -1;
        for (var i = 0; i < shown.Count && at < 0; i++)
        {
            at = shown[i].MessageId == root ? i : -1;
        }

        if (at < 0)
        {
            return null;
        }

        var baseDepth = shown[at].Depth ?? 0;
        var branch = new List<MessageView> { shown[at] with { Depth = 0 } };
        for (var i = at + 1; i < shown.Count && (shown[i].Depth ?? 0) > baseDepth; i++)
        {
            branch.Add(shown[i] with { Depth = (shown[i].Depth ?? 0) - baseDepth });
        }

        return branch;
    }

    /// <summary>
    /// The tree as nested lists built from each message's depth (messages come in thread order, a
    /// pre-order walk). A depth that jumps by more than one (a child of a missing parent) is taken
    /// one level deeper than its predecessor. A message's replies sit in a <c>&lt;details open&gt;</c>
    /// so a branch can be folded without JavaScript; below the indent cap, a link leads into the branch.
    /// </summary>
    internal static void WriteTree(HtmlWriter w, IReadOnlyList<MessageView> messages, string? currentMessageId)
    {
        var nodes = new List<Node>();
        var stack = new List<Node>();
        foreach (var m in messages)
        {
            var depth = Math.Min(m.Depth ?? 0, stack.Count);
            stack.RemoveRange(depth, stack.Count - depth);
            var node = new Node(m);
            (depth == 0 ? nodes : stack[^1].Children).Add(node);
            stack.Add(node);
        }

        w.Raw("<nav class=\"tree\" aria-label=\"Thread tree\">");
        if (nodes.Count > 0)
        {
            WriteLevel(w, nodes, 0, currentMessageId);
        }

        w.Raw("</nav>");
    }

    private static void WriteLevel(HtmlWriter w, List<Node> nodes, int level, string? currentMessageId)
    {
        w.Raw("<ul>");
        foreach (var node in nodes)
        {
            var m = node.Message;
            var below = node.Count - 1;
            var folds = node.Children.Count > 0 && level + 1 < MessageBlock.MaxIndent;
            var css = (m.MessageId == currentMessageId ? "current " : "") + (folds ? "" : "leaf");
            w.Raw(css.Length > 0 ? $"<li class=\"{css.Trim()}\">" : "<li>");
            if (folds)
            {
                // The message line is the summary: its marker folds the replies, its link goes to the message.
                w.Raw("<details open><summary>");
            }

            w.Link("#m" + m.RawId.ToString(Format.Culture), AddressDisplay.Name(m.From.Name, m.From.Address))
             .Raw(" <span class=\"meta\">").Text(Format.Time(m.Date)).Raw("</span>");
            if (folds)
            {
                w.Raw(" <span class=\"deeper\">").Text(below == 1 ? "1 reply" : $"{below} replies").Raw("</span></summary>");
                WriteLevel(w, node.Children, level + 1, currentMessageId);
                w.Raw("</details>");
            }
            else if (node.Children.Count > 0)
            {
                // Indentation stops here; the branch opens as its own page, rebased to depth 0.
                w.Raw(" <span class=\"deeper\">").Link(Paths.Branch(m.List, m.ThreadId ?? m.MessageId, m.MessageId),
                    below == 1 ? "1 deeper reply →" : $"{below} deeper replies →").Raw("</span>");
            }

            w.Raw("</li>");
        }

        w.Raw("</ul>");
    }

    private sealed class Node(MessageView message)
    {
        public MessageView Message { get; } = message;

        public List<Node> Children { get; } = [];

        public int Count => 1 + Children.Sum(c => c.Count);
    }
}
