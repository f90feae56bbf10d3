namespace ListArchive.Web.Static;

/// <summary>
/// The one script: j/k move to the next/previous message of a page, like mail readers and
/// public-inbox's users expect. Served from this origin (the CSP allows 'self' scripts only);
/// pages work without it.
/// </summary>
internal static class NavScript
{
    public const string Path = "/static/nav.js";

    public const string Source = """
        "use strict";
        document.addEventListener("keydown", function (e) {
          if (e.ctrlKey || e.metaKey || e.altKey || (e.key !== "j" && e.key !== "k")) return;
          var t = e.target;
          if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
          var items = Array.prototype.slice.call(document.querySelectorAll("article.msg"));
          if (items.length === 0) return;
          var current = items.indexOf(document.activeElement);
          if (current < 0) {
            current = -1;
            for (var i = 0; i < items.length; i++) { if (items[i].getBoundingClientRect().top <= 1) current = i; }
            if (e.key === "k" && current >= 0 && items[current].getBoundingClientRect().top < -1) current++;
          }
          var next = e.key === "j" ? Math.min(current + 1, items.length - 1) : Math.max(current - 1, 0);
          var el = items[next];
          el.setAttribute("tabindex", "-1");
          el.focus({ preventScroll: true });
          el.scrollIntoView({ block: "start" });
          if (el.id) history.replaceState(null, "", "#" + el.id);
          e.preventDefault();
        });
        """;
}
