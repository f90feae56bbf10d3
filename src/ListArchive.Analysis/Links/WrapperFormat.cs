namespace ListArchive.Analysis.Links;

/// <summary>
/// One URL-rewriter format (../shared/docs/url-rewriters.md §0): its stable lower-case name, whether
/// the target can be recovered offline, which query parameter carries it and which parameters
/// identify the recipient (§18).
/// </summary>
internal sealed class WrapperFormat
{
    public WrapperFormat(string name, bool isOpaque, string? targetParameter, params string[] identifyingParameters)
    {
        Name = name;
        IsOpaque = isOpaque;
        TargetParameter = targetParameter;
        IdentifyingParameters = identifyingParameters;
    }

    public string Name { get; }

    public bool IsOpaque { get; }

    /// <summary>The query parameter holding the percent-encoded target; null for path- or token-based formats.</summary>
    public string? TargetParameter { get; }

    /// <summary>Query parameters to drop (§18); path tokens are handled by <see cref="LayerCodec"/>.</summary>
    public IReadOnlyList<string> IdentifyingParameters { get; }

    /// <summary>
    /// Whether a query parameter of this layer identifies the recipient. Safe Links' <c>data=</c> and
    /// <c>sdata=</c> count on every format: when a gateway rewrote a Safe Link whose <c>&amp;amp;</c> it
    /// did not encode, they end up as parameters of the outer wrapper (3GPP_TSG_SA_WG4_EVS.mbox,
    /// FireEye around Safe Links).
    /// </summary>
    public bool IsIdentifying(string name, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return false;
        foreach (var p in IdentifyingParameters)
        {
            if (p == name) return true;
        }

        return name == "sdata" || (name == "data" && LooksLikeSafeLinksData(value));
    }

    /// <summary>§18: <c>data=&lt;2-digit version&gt;|&lt;2-digit format&gt;|&lt;address&gt;|…</c>, '|' as is, percent-encoded once or twice, or as a Proofpoint v3 replacement token (<c>*7C</c>).</summary>
    public static bool LooksLikeSafeLinksData(ReadOnlySpan<char> value) =>
        value.Length > 3 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1])
        && (value[2] == '|' || value[2..].StartsWith("%7C", StringComparison.OrdinalIgnoreCase) || value[2..].StartsWith("%257C", StringComparison.OrdinalIgnoreCase)
            || value[2..].StartsWith("*7C", StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;
}
