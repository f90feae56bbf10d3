using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ListArchive.Ingest;

/// <summary>
/// A short stable id of the (footer, signature) pair a body was segmented with; "" for neither.
/// Stored per message so the learning pass finds exactly the messages whose trailers changed.
/// </summary>
internal static class TrailerKeys
{
    private static readonly ConcurrentDictionary<(string Footer, string Signature), string> Cache = new();

    public static string For(string? footer, string? signature)
    {
        if (footer is null && signature is null)
        {
            return "";
        }

        return Cache.GetOrAdd((footer ?? "", signature ?? ""), static k =>
        {
            if (Cache.Count > 100_000)
            {
                Cache.Clear();
            }

            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(k.Footer + "\u0000" + k.Signature));
            return Convert.ToHexStringLower(hash, 0, 8);
        });
    }
}
