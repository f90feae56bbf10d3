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

    public override string ToString() => Name;
}
