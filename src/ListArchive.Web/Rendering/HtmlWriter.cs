using System.Text;
using System.Text.Encodings.Web;

namespace ListArchive.Web.Rendering;

/// <summary>
/// Builds a page as a string. Every piece of text goes through <see cref="Text"/> (HTML-encoded);
/// only literal markup written by this project goes through <see cref="Raw"/>. Mail content is
/// never written raw: mail HTML is never rendered as HTML.
/// </summary>
internal sealed partial class HtmlWriter
{
    private readonly StringBuilder _sb = new(8192);

    public HtmlWriter Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _sb.Append(HtmlEncoder.Default.Encode(text));
        }

        return this;
    }

    /// <summary>An attribute value, encoded; the caller writes the quotes.</summary>
    public HtmlWriter Attr(string? value) => Text(value);

    /// <summary>A link with encoded href and text.</summary>
    public HtmlWriter Link(string href, string? text, string? cssClass = null)
    {
        _sb.Append("<a href=\"").Append(HtmlEncoder.Default.Encode(href)).Append('"');
        if (cssClass is not null)
        {
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        }

        _sb.Append('>');
        Text(text);
        _sb.Append("</a>");
        return this;
    }

    /// <summary>
    /// Text with its http(s) URLs as links (rel=nofollow: mail is user content). URLs in stored
    /// bodies are already unwrapped from Safe Links and the like at import; trailing punctuation
    /// and a closing bracket stay text ("see <https://x>." links https://x).
    /// </summary>
    public HtmlWriter Linked(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return this;
        }

        var last = 0;
        foreach (System.Text.RegularExpressions.Match m in Url().Matches(text))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '\'', '"', '>');
            if (url.Length < 10 || !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                continue;
            }

            Text(text[last..m.Index]);
            _sb.Append("<a rel=\"nofollow noopener\" href=\"").Append(HtmlEncoder.Default.Encode(url)).Append("\">");
            Text(url);
            _sb.Append("</a>");
            last = m.Index + url.Length;
        }

        return Text(text[last..]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://[^\s<>""]+", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Url();

    public override string ToString() => _sb.ToString();
}
