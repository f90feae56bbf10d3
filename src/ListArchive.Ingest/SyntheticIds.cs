using System.Security.Cryptography;
using ListArchive.Storage;

namespace ListArchive.Ingest;

/// <summary>Keys for messages that have no usable Message-ID.</summary>
public static class SyntheticIds
{
    /// <summary>The store's synthetic id (<see cref="MessageIds.Synthetic"/>) of these raw bytes.</summary>
    public static string For(ReadOnlySpan<byte> raw) =>
        MessageIds.Synthetic(Convert.ToHexStringLower(SHA256.HashData(raw)));
}
