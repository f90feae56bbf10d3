using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ListArchive.Mail.Html;

/// <summary>
/// Walks the parsed document without recursion (an explicit stack, so deeply nested markup cannot
/// overflow the call stack) and tells the <see cref="TextSink"/> what to write.
/// </summary>
internal sealed partial class HtmlTextWalker
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "head", "style", "script", "title", "template", "meta", "link", "xml", "object", "embed",
        "iframe", "svg", "math", "select", "button", "input", "textarea", "frameset", "noembed",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "html", "body", "address", "article", "aside", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup",
        "legend", "main", "menu", "nav", "section", "summary", "table", "thead", "tbody", "tfoot",
        "caption", "tr", "option", "blockquote", "ul", "ol", "li", "pre", "listing", "plaintext", "xmp",
    };

    private readonly TextSink _sink = new();
    private readonly HtmlToTextOptions _options;
    private readonly List<MailDiagnostic> _diagnostics;
    private readonly Stack<ElementState> _scopes = new();
    private readonly Stack<ListState> _lists = new();
    private readonly List<ElementState> _path = [];
    private bool _zeroMarginParagraphs;

    public HtmlTextWalker(HtmlToTextOptions options, List<MailDiagnostic> diagnostics)
    {
        _options = options;
        _diagnostics = diagnostics;
    }

    public (string Text, List<QuoteRange> Quotes) Walk(IElement root)
    {
        var stack = new Stack<(INode Node, int Index, ElementState? Exit)>();
        var rootState = new ElementState(root, 0);
        _scopes.Push(rootState);
        _path.Add(rootState);
        stack.Push((root, 0, rootState));
        PushChildren(stack, root);
        var visited = 0;
        while (stack.Count > 0)
        {
            var (node, index, exit) = stack.Pop();
            if (exit is not null)
            {
                Leave(exit);
                continue;
            }
            if (++visited > _options.MaxNodes)
            {
                _diagnostics.Add(new MailDiagnostic("html-node-limit", -1,
                    $"stopped after {_options.MaxNodes} DOM nodes; the rest of the body is not in the text"));
                while (stack.Count > 0)
                {
                    var (_, _, pending) = stack.Pop();
                    if (pending is not null)
                        Leave(pending);
                }
                break;
            }
            switch (node)
            {
                case IText text:
                    _sink.Text(text.Data);
                    break;
                case IElement element:
                    var state = Enter(element, index);
                    if (state is not null)
                    {
                        stack.Push((element, index, state));
                        PushChildren(stack, element);
                    }
                    break;
            }
        }
        return _sink.Finish();
    }

    private static void PushChildren(Stack<(INode, int, ElementState?)> stack, INode parent)
    {
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
            stack.Push((children[i], i, null));
    }

    /// <summary>Starts an element; null when its content is not shown (nothing to leave then).</summary>
    private ElementState? Enter(IElement element, int index)
    {
        var name = element.LocalName;
        if (Dropped.Contains(name))
        {
            if (name == "style")
                NoteStyleSheet(element.TextContent);
            else if (name == "head")
            {
                var children = element.ChildNodes;
                for (var i = 0; i < children.Length; i++)
                {
                    if (children[i] is IElement { LocalName: "style" } child)
                        NoteStyleSheet(child.TextContent);
                }
            }
            return null;
        }
        var style = MailHtmlMarkers.NormalizedStyle(element);
        if (MailHtmlMarkers.IsHidden(element, style))
            return null;

        var state = new ElementState(element, index);
        OutlookMarker(element, style);

        switch (name)
        {
            case "br":
                _sink.Break();
                return null;
            case "hr":
                _sink.Rule();
                return null;
            case "img":
                var alt = element.GetAttribute("alt");
                if (!string.IsNullOrWhiteSpace(alt))
                {
                    _sink.Text(" ");
                    _sink.Text(alt);
                    _sink.Text(" ");
                }
                return null;
            case "p":
                state.BlockNewlines = ParagraphNewlines(element, style);
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                state.BlockNewlines = 2;
                break;
            case "pre" or "listing" or "plaintext" or "xmp":
                state.BlockNewlines = 1;
                state.Preformatted = true;
                _sink.PreDepth++;
                break;
            case "ul" or "ol" or "dir" or "menu":
                state.BlockNewlines = 1;
                state.IsList = true;
                _lists.Push(new ListState(name == "ol", ListStart(element)));
                break;
            case "li":
                state.BlockNewlines = 1;
                break;
            case "td" or "th":
                var previous = DomSiblings.PreviousElement(element, index);
                if (previous is not null && previous.LocalName is "td" or "th")
                    _sink.CellSeparator();
                break;
            case "a":
                state.LinkTarget = LinkText.Display(element.GetAttribute("href"));
                state.AnchorStart = _sink.Length;
                break;
            default:
                if (Blocks.Contains(name))
                    state.BlockNewlines = 1;
                break;
        }

        if (state.BlockNewlines > 0)
            _sink.Block(state.BlockNewlines);
        if (name == "li")
            _sink.Prefix(ListMarker());
        OpenQuotes(element, name, style, state);
        _path.Add(state);
        return state;
    }

    private void Leave(ElementState state)
    {
        if (_path.Count > 0 && ReferenceEquals(_path[^1], state))
            _path.RemoveAt(_path.Count - 1);
        if (state.LinkTarget is not null)
        {
            var anchorText = _sink.Slice(state.AnchorStart);
            if (string.IsNullOrWhiteSpace(anchorText))
                _sink.Raw("<" + state.LinkTarget + ">", spaceBefore: false);
            else if (!LinkText.TextShowsTarget(CollapseForCompare(anchorText), state.LinkTarget))
                _sink.Raw("<" + state.LinkTarget + ">", spaceBefore: true);
        }
        if (state.Preformatted)
            _sink.PreDepth--;
        if (state.IsList && _lists.Count > 0)
            _lists.Pop();
        if (state.Frames is not null)
        {
            for (var i = state.Frames.Count - 1; i >= 0; i--)
                _sink.CloseQuote(state.Frames[i]);
        }
        if (_scopes.Count > 0 && ReferenceEquals(_scopes.Peek(), state))
            _scopes.Pop();
        if (state.BlockNewlines > 0)
            _sink.Block(state.BlockNewlines);
    }

    private void OpenQuotes(IElement element, string name, string style, ElementState state)
    {
        if (name == "blockquote")
        {
            var next = DomSiblings.NextElement(element, state.Index);
            if (next is null && _path.Count > 0)
                next = DomSiblings.NextElement(_path[^1].Element, _path[^1].Index);
            var kind = MailHtmlMarkers.BlockquoteKind(element, style, DomSiblings.PreviousElement(element, state.Index), next);
            if (kind == "apple-attr")
                state.AddFrame(_sink.OpenQuote(kind, null, isAttribution: true));
            else if (kind is not null)
                OpenScope(state, kind, MidUrl.MessageId(element.GetAttribute("cite")));
            return;
        }
        if (name != "div")
            return;
        if (MailHtmlMarkers.HasClass(element, "gmail_attr"))
            state.AddFrame(_sink.OpenQuote("gmail-attr", null, isAttribution: true));
        else if (MailHtmlMarkers.IsMozCitePrefix(element))
            state.AddFrame(_sink.OpenQuote("moz-cite", null, isAttribution: true));
        else if (MailHtmlMarkers.HasClass(element, "moz-forward-container"))
            OpenScope(state, "forward", null);
        else if (MailHtmlMarkers.HasClass(element, "yahoo_quoted"))
            OpenScope(state, "yahoo-quote", null);
        else if (MailHtmlMarkers.HasClass(element, "gmail_quote") && !HasBlockquoteWithin(element))
        {
            // Gmail puts a reply's quote in a blockquote inside div.gmail_quote (the blockquote is
            // the quote); a forward has the same div with the message in it and no blockquote.
            OpenScope(state, "forward", null);
        }
    }

    private void OpenScope(ElementState state, string kind, string? cite)
    {
        state.AddFrame(_sink.OpenQuote(kind, cite, isAttribution: false));
        _scopes.Push(state);
    }

    /// <summary>
    /// Outlook quotes by position, not by nesting: from the header block on, the rest of the
    /// body (or of the quote that holds the header) is the earlier message. The frame therefore
    /// belongs to the innermost quote scope, not to the header element. An <c>appendonsend</c> div
    /// opens it early; the header block right after joins it instead of opening a second one.
    /// </summary>
    private void OutlookMarker(IElement element, string style)
    {
        var appendOnSend = MailHtmlMarkers.IsOutlookAppendOnSend(element);
        var header = !appendOnSend && MailHtmlMarkers.IsOutlookHeader(element, style);
        if (!appendOnSend && !header)
            return;
        var scope = _scopes.Peek();
        var innermost = _sink.Innermost;
        if (innermost is { Kind: "outlook-header", HeaderSeen: false } && scope.Frames?.Contains(innermost) == true)
        {
            if (header)
                innermost.HeaderSeen = true;
            return;
        }
        var frame = _sink.OpenQuote("outlook-header", null, isAttribution: false, includeRuleBefore: header);
        frame.HeaderSeen = header;
        scope.AddFrame(frame);
    }

    private int ParagraphNewlines(IElement element, string style)
    {
        // Outlook writes one <p class=MsoNormal> per line with zero margins and an empty
        // paragraph for a blank line; Outlook on the web zeroes p margins in a <style>
        // (usrp-users-2021-H1: "P {margin-top:0;margin-bottom:0;}"). A blank line after each
        // would double-space those messages.
        if (_zeroMarginParagraphs)
            return 1;
        var cls = element.GetAttribute("class");
        if (cls is not null && MailHtmlMarkers.StripExchangePrefix(cls.TrimStart()).StartsWith("mso", StringComparison.OrdinalIgnoreCase))
            return 1;
        if (style.Length > 0 && (ZeroMarginInline().IsMatch(style)
            || (style.Contains("margin-top:0", StringComparison.Ordinal) && style.Contains("margin-bottom:0", StringComparison.Ordinal))))
            return 1;
        return 2;
    }

    private void NoteStyleSheet(string css)
    {
        if (!_zeroMarginParagraphs && css.Length < 200_000 && ZeroMarginRule().IsMatch(css))
            _zeroMarginParagraphs = true;
    }

    private string ListMarker()
    {
        if (_lists.Count == 0)
            return "- ";
        var list = _lists.Peek();
        var indent = new string(' ', 2 * (_lists.Count - 1));
        if (!list.Ordered)
            return indent + "- ";
        return indent + (list.Next++).ToString(System.Globalization.CultureInfo.InvariantCulture) + ". ";
    }

    private static int ListStart(IElement element) =>
        int.TryParse(element.GetAttribute("start"), System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 1;

    private static bool HasBlockquoteWithin(IElement element)
    {
        // Bounded iterative search (no recursion on deep trees).
        var budget = 20_000;
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0 && budget-- > 0)
        {
            var node = stack.Pop();
            var children = node.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is IElement e)
                {
                    if (e.LocalName == "blockquote")
                        return true;
                    stack.Push(e);
                }
            }
        }
        return false;
    }

    private static string CollapseForCompare(string value) => Whitespace().Replace(value, " ").Trim();

    [GeneratedRegex(@"(?:^|[\s,}])p\s*\{[^}]*margin-top\s*:\s*0[^;}]*;[^}]*margin-bottom\s*:\s*0", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZeroMarginRule();

    [GeneratedRegex(@"(?:^|;)margin:0(?:px|cm|in|pt|em)?(?:;|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ZeroMarginInline();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed class ListState(bool ordered, int start)
    {
        public bool Ordered { get; } = ordered;
        public int Next { get; set; } = start;
    }
}
