namespace ListArchive.Web.Rendering;

/// <summary>
/// The page frame: a skip link, the header (banner) with the search box, the main content, a
/// footer, the style sheet (light and, from the system setting, dark) and the one same-origin
/// script (j/k keyboard navigation; pages work without it).
/// </summary>
internal static class Layout
{
    // Inline so a page is one request and works offline: no external fonts, no CDN.
    private const string Css = """
        :root{--fg:#1d2330;--bg:#fbfbfc;--card:#fff;--line:#e3e6ec;--meta:#5b6478;--dim:#8a93a6;--link:#1f56b8;--head:#24324a;--mark:#fff1a8;--quote:#c9d1e0}
        @media (prefers-color-scheme:dark){:root{--fg:#dde3ee;--bg:#12161d;--card:#1a2029;--line:#2c3440;--meta:#9aa5b8;--dim:#6f7a8c;--link:#8ab4ff;--head:#0b0f15;--mark:#5a4d00;--quote:#3a4658}}
        body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:var(--fg);background:var(--bg)}
        a{color:var(--link)}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;color:#000;padding:.3rem;z-index:9}
        header{background:var(--head);color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
        header a{color:#fff;text-decoration:none;font-weight:600}
        header form{margin-left:auto;flex:1 1 16rem;display:flex;max-width:32rem}
        header input[type=search]{padding:.3rem .5rem;width:100%;border-radius:4px;border:1px solid #8893a8}
        main{max-width:60rem;margin:0 auto;padding:1rem}
        h1{font-size:1.6rem;line-height:1.25;overflow-wrap:anywhere}
        footer{max-width:60rem;margin:0 auto;padding:1rem;color:var(--meta);font-size:.85rem}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
        th{font-size:.85rem;color:var(--meta)}
        .meta{color:var(--meta);font-size:.9rem}
        .tree ul{list-style:none;padding-left:1.2rem;margin:0}
        .tree>ul{padding-left:0}
        .tree li{margin:.15rem 0}
        .tree details>summary{cursor:pointer}
        .tree li.leaf{padding-left:1.1em}
        .deeper{color:var(--dim);font-size:.8rem}
        .placeholder{color:var(--dim);font-style:italic}
        .current{font-weight:700}
        article.msg{background:var(--card);border:1px solid var(--line);border-radius:6px;margin:1rem 0;padding:.8rem 1rem}
        article.msg:focus{outline:2px solid var(--link)}
        article.msg h2,article.hit h2{font-size:1.05rem;margin:0 0 .3rem}
        section.group h2{font-size:1.1rem}
        pre.body{white-space:pre-wrap;word-wrap:break-word;overflow-wrap:anywhere;font:15px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;margin:.6rem 0 0}
        details.quote{margin:.4rem 0;border-left:3px solid var(--quote);padding-left:.6rem}
        details.quote summary{cursor:pointer;color:var(--meta);font-size:.9rem}
        details.quote pre.body{color:var(--meta);margin:.3rem 0 0}
        pre.attr{color:var(--meta);margin:.4rem 0 0}
        pre.dim{color:var(--dim);margin:.4rem 0 0}
        div.body pre.body{margin-top:.2rem}
        mark{background:var(--mark);color:inherit}
        .pager a{margin-right:1rem}
        .problems{color:#b36200;font-size:.85rem}
        .spark{vertical-align:middle;max-width:28vw;height:auto}.spark polyline{fill:none;stroke:var(--link);stroke-width:1.5}
        .months td{white-space:nowrap}
        .tabs a{margin-right:.8rem}.tabs strong{margin-right:.8rem}
        .scope label{margin-right:.8rem}
        .quotehit{color:var(--meta);font-size:.85rem;font-style:italic}
        .bars rect{fill:var(--link)}
        @media (max-width:40rem){h1{font-size:1.25rem}main{padding:.5rem}th.opt,td.opt{display:none}article.msg{padding:.6rem}header input[type=search]{min-width:0}}
        """;

    public static string Page(string title, string body, string? query = null, string? feed = null)
    {
        var w = new HtmlWriter();
        w.Raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
         .Raw("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
         .Raw("<meta name=\"color-scheme\" content=\"light dark\">")
         .Raw("<title>").Text(title).Raw(" · ListArchive</title><style>").Raw(Css).Raw("</style>");
        if (feed is not null)
        {
            w.Raw("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Atom feed\" href=\"").Attr(feed).Raw("\">");
        }

        w.Raw("<script src=\"/static/nav.js\" defer></script></head><body>")
         .Raw("<a class=\"skip\" href=\"#main\">Skip to content</a>")
         .Raw("<header><a href=\"/\">ListArchive</a>")
         .Raw("<form action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" placeholder=\"Search: words, &quot;phrase&quot;, -word, from:, list:, after:, before:, in:quoted, in:all\" value=\"")
         .Attr(query).Raw("\" aria-label=\"Search the archive\"></form></header><main id=\"main\">")
         .Raw(body)
         .Raw("</main><footer>Keys on a thread: <kbd>j</kbd> next message, <kbd>k</kbd> previous. ")
         .Raw("Addresses are shortened on purpose. <a href=\"/search\">Search help</a></footer></body></html>");
        return w.ToString();
    }
}
