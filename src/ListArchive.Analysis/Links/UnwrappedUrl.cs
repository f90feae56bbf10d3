namespace ListArchive.Analysis.Links;

/// <summary>
/// The result of unwrapping one URL. <paramref name="Formats"/> lists every wrapper layer, outermost
/// first (stable lower-case names such as <c>safelinks</c>, <c>proofpoint-v3</c>). For an opaque
/// wrapper (or a known wrapper that could not be decoded) <paramref name="IsOpaque"/> is true and
/// <paramref name="Target"/> is the innermost wrapper reached with its recipient-identifying parts
/// removed. <paramref name="IsUrl"/> is false when the gateway linkified text that was not a URL
/// (a file name, an IP, a bare host): <paramref name="Target"/> is then that text.
/// </summary>
public sealed record UnwrappedUrl(string Original, string Target, IReadOnlyList<string> Formats, bool IsOpaque, string? HostHint, bool IsUrl);
