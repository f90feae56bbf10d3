using System.Text;

namespace ListArchive.Mail.Html;

/// <summary>
/// Builds the text the way a browser lays it out, without re-wrapping: whitespace in ordinary text
/// collapses to one space (HTML whitespace is space, tab, LF, FF, CR — not U+00A0, which stays a
/// visible space); block boundaries ask for at least N line breaks, which are written only when
/// more text follows, so empty blocks leave no blank lines; <c>br</c> always breaks.
/// Quote frames take their start from the first text written inside them.
/// </summary>
internal sealed class TextSink
{
    /// <summary>What an <c>hr</c> becomes: the line Outlook writes in its own plain-text part.</summary>
    public const string HorizontalRule = "________________________________";

    private readonly StringBuilder _text = new();
    private readonly List<QuoteFrame> _open = [];
    private readonly List<QuoteRange> _done = [];
    private bool _pendingSpace;
    private int _pendingNewlines;
    private bool _pendingCellSeparator;
    private string? _pendingPrefix;
    private int _prefixQuoteBoundary;
    private bool _hasUnstarted;
    private int _lastRuleStart = -1;
    private int _lastRuleEnd = -1;

    public int Length => _text.Length;

    /// <summary>Greater than zero inside <c>pre</c>: text is written as it is.</summary>
    public int PreDepth { get; set; }

    public QuoteFrame? Innermost => _open.Count > 0 ? _open[^1] : null;

    public int OpenQuoteCount => _open.Count;

    public string Slice(int start) => start >= _text.Length ? string.Empty : _text.ToString(start, _text.Length - start);

    public void Text(string value)
    {
        if (PreDepth > 0)
        {
            WritePreformatted(value);
            return;
        }
        foreach (var c in value)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _pendingSpace = true;
                continue;
            }
            if (c == '\uFEFF')
                continue; // iOS Mail starts quoted content with a zero-width no-break space
            if (NeedsFlush)
                Flush();
            _text.Append(c == '\u00A0' ? ' ' : c);
        }
    }

    /// <summary>Text written as it is after the pending breaks (link targets).</summary>
    public void Raw(string value, bool spaceBefore)
    {
        if (spaceBefore)
            _pendingSpace = true;
        Flush();
        _text.Append(value);
    }

    public void Block(int newlines)
    {
        _pendingNewlines = Math.Max(_pendingNewlines, newlines);
        _pendingSpace = false;
    }

    public void Break()
    {
        if (_pendingNewlines > 0 && _text.Length > 0)
            EnsureNewlines(_pendingNewlines);
        _pendingNewlines = 0;
        _pendingSpace = false;
        _pendingCellSeparator = false;
        if (_text.Length > 0)
            _text.Append('\n');
    }

    public void CellSeparator() => _pendingCellSeparator = true;

    /// <summary>A list marker written before the next text; quotes opened before it start before it.</summary>
    public void Prefix(string prefix)
    {
        _pendingPrefix = prefix;
        _prefixQuoteBoundary = _open.Count;
    }

    public void Rule()
    {
        Block(1);
        Flush();
        _lastRuleStart = _text.Length;
        _text.Append(HorizontalRule);
        _lastRuleEnd = _text.Length;
        Block(1);
    }

    /// <summary>
    /// Opens a quote. Its depth counts the quotes (not attributions) already open; an attribution
    /// gets the depth of the quote it introduces. With <paramref name="includeRuleBefore"/> the
    /// quote starts at an <c>hr</c> written just before (Outlook puts one above its header).
    /// </summary>
    public QuoteFrame OpenQuote(string kind, string? citeMessageId, bool isAttribution, bool includeRuleBefore = false)
    {
        var depth = 1;
        foreach (var open in _open)
        {
            if (!open.IsAttribution)
                depth++;
        }
        var frame = new QuoteFrame(kind, depth, citeMessageId, isAttribution);
        if (includeRuleBefore && _lastRuleEnd >= 0 && OnlyWhitespaceSince(_lastRuleEnd))
            frame.Start = _lastRuleStart;
        else
            _hasUnstarted = true;
        _open.Add(frame);
        return frame;
    }

    public void CloseQuote(QuoteFrame frame)
    {
        var index = _open.LastIndexOf(frame);
        if (index < 0)
            return;
        _open.RemoveAt(index);
        if (frame.Start < 0)
            return;
        var end = _text.Length;
        while (end > frame.Start && char.IsWhiteSpace(_text[end - 1]))
            end--;
        if (end > frame.Start)
            _done.Add(new QuoteRange(frame.Start, end - frame.Start, frame.Kind, frame.Depth, frame.CiteMessageId)
            {
                IsAttribution = frame.IsAttribution,
            });
    }

    public (string Text, List<QuoteRange> Quotes) Finish()
    {
        for (var i = _open.Count - 1; i >= 0; i--)
            CloseQuote(_open[i]);
        return LineTidy.Apply(_text.ToString(), _done);
    }

    private bool NeedsFlush =>
        _pendingSpace || _pendingNewlines > 0 || _pendingCellSeparator || _pendingPrefix is not null || _hasUnstarted;

    private bool AtLineStart => _text.Length == 0 || _text[^1] == '\n';

    private void Flush()
    {
        if (_pendingNewlines > 0)
        {
            if (_text.Length > 0)
                EnsureNewlines(_pendingNewlines);
            _pendingNewlines = 0;
            _pendingSpace = false;
            _pendingCellSeparator = false;
        }
        if (!AtLineStart)
        {
            if (_pendingCellSeparator)
                _text.Append('\t');
            else if (_pendingSpace)
                _text.Append(' ');
        }
        _pendingSpace = false;
        _pendingCellSeparator = false;
        if (_pendingPrefix is not null)
        {
            MarkStarts(_prefixQuoteBoundary);
            _text.Append(_pendingPrefix);
            _pendingPrefix = null;
        }
        if (_hasUnstarted)
        {
            MarkStarts(_open.Count);
            _hasUnstarted = false;
        }
    }

    private void MarkStarts(int count)
    {
        for (var i = 0; i < count && i < _open.Count; i++)
        {
            if (_open[i].Start < 0)
                _open[i].Start = _text.Length;
        }
    }

    private void EnsureNewlines(int wanted)
    {
        var have = 0;
        for (var i = _text.Length - 1; i >= 0 && have < wanted; i--)
        {
            if (_text[i] != '\n')
                break;
            have++;
        }
        _text.Append('\n', wanted - have);
    }

    private void WritePreformatted(string value)
    {
        if (value.Length == 0)
            return;
        Flush();
        foreach (var c in value)
        {
            if (c == '\r')
                continue;
            _text.Append(c == '\u00A0' ? ' ' : c);
        }
    }

    private bool OnlyWhitespaceSince(int offset)
    {
        for (var i = offset; i < _text.Length; i++)
        {
            if (!char.IsWhiteSpace(_text[i]))
                return false;
        }
        return true;
    }
}
