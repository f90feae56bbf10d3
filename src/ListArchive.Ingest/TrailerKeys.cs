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
    private static readonly ConcurrentDictionary<string, (string? Footer, string? Signature)> Pairs = new(StringComparer.Ordinal);

    /// <summary>The trailers a key was made from, when this process made it (else null).</summary>
    public static (string? Footer, string? Signature)? Of(string key) =>
        key.Length == 0 ? (null, null) : Pairs.TryGetValue(key, out var pair) ? pair : null;

    public static string For(string? footer, string? signature)
    {
        if (footer is null && signature is null)
        {
            return "";
        }

        return Cache.GetOrAdd((footer ?? "", signature ?? ""), static (k, pair) =>
        {
            if (Cache.Count > 100_000)
            {
                Cache.Clear();
                Pairs.Clear();
            }

            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(k.Footer + "\u0000" + k.Signature));
            var key = Convert.ToHexStringLower(hash, 0, 8);
            Pairs[key] = pair;
            return key;
        }, (footer, signature));
    }
}
