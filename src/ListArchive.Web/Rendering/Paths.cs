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

    public static string Message(string list, string messageId) => $"/{Seg(list)}/{Seg(messageId)}/";

    public static string Raw(string list, string messageId) => $"/{Seg(list)}/{Seg(messageId)}/raw";

    /// <summary>One stored copy of a Message-ID that has several with different content.</summary>
    public static string RawCopy(string list, string messageId, long rawId) =>
        $"/{Seg(list)}/{Seg(messageId)}/raw?copy={rawId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static string Search(string query) => "/search?q=" + Uri.EscapeDataString(query);
}
