namespace ListArchive.Analysis.Links;

/// <summary>
/// Unwraps one mail-gateway-rewritten URL offline, layer by layer
/// (../shared/docs/url-rewriters.md §15): detect the wrapper by anchored host and path, decode
/// that layer exactly once, repeat up to depth 8. Never fetches anything (§0: a click is logged
/// against the recipient). Never throws.
/// </summary>
public static class UrlUnwrapper
{
    /// <summary>Null when <paramref name="url"/> is not a known wrapper.</summary>
    public static UnwrappedUrl? TryUnwrap(string url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        var formats = new List<string>(2);
        var current = url.Trim();
        for (int depth = 0; depth < UrlRedactor.MaxDepth; depth++)
        {
            var parts = UrlParts.Parse(current);
            var format = parts is null ? null : WrapperCatalog.Match(parts);
            if (parts is null || format is null) break;

            // A wrapper host with no query at all is a display artefact ("https://eur01.safelinks.
            // protection.outlook.com/..." as visible text in 3GPP_MENTORING), not a wrapped URL.
            if (depth == 0 && format.TargetParameter is not null && parts.QueryStart < 0) return null;
            formats.Add(format.Name);
            if (format.IsOpaque)
                return new UnwrappedUrl(url, UrlRedactor.RedactUrl(current, depth), formats, true, LayerCodec.HostHint(format, parts), true);

            var decoded = LayerCodec.Decode(format, parts);
            switch (Classify(decoded))
            {
                case TargetKind.Url:
                    current = decoded!;
                    continue;
                case TargetKind.Text:
                    // §16.8: gateways linkify file names, IPs, bare hosts; give the text back.
                    return new UnwrappedUrl(url, decoded!, formats, false, null, false);
                default:
                    // Undecodable (truncated, malformed) or a refused scheme (javascript:, file:, §1,
                    // §16.10): keep the wrapper, without what identifies the recipient.
                    return new UnwrappedUrl(url, UrlRedactor.RedactUrl(current, depth), formats, true, LayerCodec.HostHint(format, parts), true);
            }
        }

        return formats.Count == 0 ? null : new UnwrappedUrl(url, current, formats, false, null, true);
    }

    private enum TargetKind
    {
        Invalid,
        Url,
        Text,
    }

    private static TargetKind Classify(string? target)
    {
        if (string.IsNullOrWhiteSpace(target)) return TargetKind.Invalid;
        foreach (char c in target)
        {
            if (char.IsControl(c)) return TargetKind.Invalid;
        }

        if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || target.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
            return target.Length > target.IndexOf("://", StringComparison.Ordinal) + 3 ? TargetKind.Url : TargetKind.Invalid;

        // A scheme of its own (javascript:, file:, data:, mailto:) is refused, §1.
        int colon = target.IndexOf(':');
        if (colon > 0 && target[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-') && char.IsAsciiLetter(target[0])
            && !(colon + 1 < target.Length && char.IsAsciiDigit(target[colon + 1])))
            return TargetKind.Invalid;
        return target.Contains(' ') ? TargetKind.Invalid : TargetKind.Text;
    }
}
