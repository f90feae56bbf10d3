using System.Text;
using System.Text.Encodings.Web;

namespace ListArchive.Web.Rendering;

/// <summary>
/// Builds a page as a string. Every piece of text goes through <see cref="Text"/> (HTML-encoded);
/// only literal markup written by this project goes through <see cref="Raw"/>. Mail content is
/// never written raw: mail HTML is never rendered as HTML.
/// </summary>
internal sealed class HtmlWriter
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

    public override string ToString() => _sb.ToString();
}
