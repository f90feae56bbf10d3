namespace ListArchive.Web.Rendering;

/// <summary>The page frame: header with the search box, the content, and the style sheet.</summary>
internal static class Layout
{
    // Inline so a page is one request and works without JavaScript.
    private const string Css = """
        body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#fbfbfc}
        header{background:#24324a;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
        header a{color:#fff;text-decoration:none;font-weight:600}
        header form{margin-left:auto}
        header input[type=search]{padding:.3rem .5rem;min-width:18rem;border-radius:4px;border:1px solid #8893a8}
        main{max-width:60rem;margin:0 auto;padding:1rem}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e3e6ec;vertical-align:top}
        th{font-size:.85rem;color:#556}
        .meta{color:#5b6478;font-size:.9rem}
        .tree ul{list-style:none;padding-left:1.2rem;margin:0}
        .tree>ul{padding-left:0}
        .tree li{margin:.15rem 0}
        .placeholder{color:#8a93a6;font-style:italic}
        .current{font-weight:700}
        article.msg{background:#fff;border:1px solid #e3e6ec;border-radius:6px;margin:1rem 0;padding:.8rem 1rem}
        article.msg h2{font-size:1.05rem;margin:0 0 .3rem}
        pre.body{white-space:pre-wrap;word-wrap:break-word;font:15px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;margin:.6rem 0 0}
        details.quote{margin:.4rem 0;border-left:3px solid #c9d1e0;padding-left:.6rem}
        details.quote summary{cursor:pointer;color:#5b6478;font-size:.9rem}
        details.quote pre.body{color:#4a5263;margin:.3rem 0 0}
        pre.attr{color:#5b6478;margin:.4rem 0 0}
        pre.dim{color:#8a93a6;margin:.4rem 0 0}
        div.body pre.body{margin-top:.2rem}
        mark{background:#fff1a8}
        .pager a{margin-right:1rem}
        .problems{color:#8a4b00;font-size:.85rem}
        """;

    public static string Page(string title, string body, string? query = null)
    {
        var w = new HtmlWriter();
        w.Raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
         .Raw("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
         .Raw("<title>").Text(title).Raw(" · ListArchive</title><style>").Raw(Css).Raw("</style></head><body>")
         .Raw("<header><a href=\"/\">ListArchive</a>")
         .Raw("<form action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" placeholder=\"Search own words: words, &quot;phrase&quot;, from:, list:, after:, in:quoted, in:all\" value=\"")
         .Attr(query).Raw("\" aria-label=\"Search\"></form></header><main>")
         .Raw(body)
         .Raw("</main></body></html>");
        return w.ToString();
    }
}
