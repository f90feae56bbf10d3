namespace ListArchive.Analysis.Links;

/// <summary>Removes recipient-identifying parts from one URL, every wrapper layer (../shared/docs/url-rewriters.md §18).</summary>
internal static class UrlRedactor
{
    public const int MaxDepth = 8;

    public static string RedactUrl(string url, int depth = 0)
    {
        if (depth >= MaxDepth) return url;
        var parts = UrlParts.Parse(url);
        if (parts is null) return url;
        var format = WrapperCatalog.Match(parts);
        return format is null ? url : LayerCodec.Redact(format, parts, depth);
    }
}
