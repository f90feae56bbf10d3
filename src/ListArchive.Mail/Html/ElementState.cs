using AngleSharp.Dom;

namespace ListArchive.Mail.Html;

/// <summary>What <see cref="HtmlTextWalker"/> must undo when it leaves an element.</summary>
internal sealed class ElementState(IElement element, int index)
{
    public IElement Element { get; } = element;

    /// <summary>Position in the parent's child list.</summary>
    public int Index { get; } = index;
    public int BlockNewlines { get; set; }
    public bool Preformatted { get; set; }
    public bool IsList { get; set; }
    public string? LinkTarget { get; set; }
    public int AnchorStart { get; set; }

    /// <summary>Quotes closed when the element ends, innermost last.</summary>
    public List<QuoteFrame>? Frames { get; private set; }

    public void AddFrame(QuoteFrame frame) => (Frames ??= []).Add(frame);
}
