using System.Security.Cryptography;

namespace ListArchive.Ingest;

/// <summary>Keys for messages that have no usable Message-ID.</summary>
public static class SyntheticIds
{
    /// <summary>
    /// A message with no Message-ID still needs a stable key for permalinks and threading: one
    /// derived from its bytes, in the reserved <c>.invalid</c> domain (RFC 2606 §2) so it can
    /// never collide with a real id.
    /// </summary>
    public static string For(ReadOnlySpan<byte> raw) =>
        "sha256-" + Convert.ToHexStringLower(SHA256.HashData(raw))[..24] + "@listarchive.invalid";
}
