using AngleSharp.Dom;

namespace ListArchive.Mail.Html;

/// <summary>
/// Sibling and child access by index. AngleSharp 1.10.3 answers <c>PreviousSibling</c>,
/// <c>NextSibling</c> and the <c>…ElementSibling</c> properties by searching the parent's child
/// list, so walking a node with 50,000 children through them took 13 s; the child list itself
/// is indexed in constant time.
/// </summary>
internal static class DomSiblings
{
    // Only text and comment nodes can lie between two elements that matter to us (whitespace, or
    // an Outlook conditional comment); give up after a few rather than scan a huge parent.
    private const int Reach = 32;

    public static IElement? PreviousElement(INode node, int index)
    {
        var siblings = node.Parent?.ChildNodes;
        if (siblings is null)
            return null;
        for (var i = index - 1; i >= 0 && i >= index - Reach; i--)
        {
            if (siblings[i] is IElement element)
                return element;
        }
        return null;
    }

    public static IElement? NextElement(INode node, int index)
    {
        var siblings = node.Parent?.ChildNodes;
        if (siblings is null)
            return null;
        for (var i = index + 1; i < siblings.Length && i <= index + Reach; i++)
        {
            if (siblings[i] is IElement element)
                return element;
        }
        return null;
    }

    /// <summary>True when any element child of <paramref name="parent"/> is not one of <paramref name="allowed"/>.</summary>
    public static bool HasElementChildOtherThan(INode parent, IReadOnlySet<string> allowed)
    {
        var children = parent.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is IElement element && !allowed.Contains(element.LocalName))
                return true;
        }
        return false;
    }
}
