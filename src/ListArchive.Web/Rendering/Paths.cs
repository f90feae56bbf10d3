using System.Globalization;

namespace ListArchive.Web.Rendering;

/// <summary>
/// The site's stable URLs, keyed by list and Message-ID. Message-IDs are percent-encoded as one
/// path segment (they may contain '/', '%', '+').
/// </summary>
internal static class Paths
{
    public static string Seg(string value) => Uri.EscapeDataString(value);

    public static string List(string list, int page = 1) =>
        page <= 1 ? $"/{Seg(list)}/" : $"/{Seg(list)}/?page={page}";

    public static string Thread(string list, string threadId) => $"/{Seg(list)}/thread/{Seg(threadId)}/";

    /// <summary>The part of a thread under one message (deep threads: the way into a branch the tree caps).</summary>
    public static string Branch(string list, string threadId, string messageId) => Thread(list, threadId) + "?root=" + Seg(messageId);

    public static string ThreadMbox(string list, string threadId) => $"/{Seg(list)}/thread/{Seg(threadId)}/mbox";

    public static string ThreadAtom(string list, string threadId) => $"/{Seg(list)}/thread/{Seg(threadId)}/atom";

    public static string ListAtom(string list) => $"/{Seg(list)}/atom";

    public static string Month(string list, int year, int month, string? by = null) =>
        $"/{Seg(list)}/{year.ToString("D4", CultureInfo.InvariantCulture)}/{month.ToString("D2", CultureInfo.InvariantCulture)}/" + (by is null or "thread" ? "" : "?by=" + by);

    public static string MonthMbox(string list, int year, int month) =>
        $"/{Seg(list)}/{year.ToString("D4", CultureInfo.InvariantCulture)}/{month.ToString("D2", CultureInfo.InvariantCulture)}/mbox";

    public static string Message(string list, string messageId) => $"/{Seg(list)}/{Seg(messageId)}/";

    /// <summary>
    /// A message with a passage in it: a text fragment (<c>#:~:text=</c>, WICG Scroll-to-Text) that
    /// browsers scroll to and highlight, with no id in the page and no script.
    /// </summary>
    public static string Passage(string list, string messageId, string? passage) =>
        string.IsNullOrWhiteSpace(passage) ? Message(list, messageId) : Message(list, messageId) + "#:~:text=" + TextFragment(passage);

    public static string Raw(string list, string messageId) => $"/{Seg(list)}/{Seg(messageId)}/raw";

    /// <summary>One stored copy of a Message-ID that has several with different content.</summary>
    public static string RawCopy(string list, string messageId, long rawId) =>
        $"/{Seg(list)}/{Seg(messageId)}/raw?copy={rawId.ToString(CultureInfo.InvariantCulture)}";

    public static string Author(string authorId) => $"/author/{Seg(authorId)}/";

    public static string Search(string query) => "/search?q=" + Uri.EscapeDataString(query);

    /// <summary>Text-fragment directive value: '-', '&amp;' and ',' are syntax there and must be escaped too.</summary>
    private static string TextFragment(string text) =>
        Uri.EscapeDataString(text).Replace("-", "%2D", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
