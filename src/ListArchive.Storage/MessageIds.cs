namespace ListArchive.Storage;

/// <summary>
/// Message-IDs are stored without their angle brackets (RFC 5322 §3.6.4 msg-id is
/// "&lt;" id-left "@" id-right "&gt;"; the brackets are syntax, not identity) and compared
/// ordinally. Every public entry point normalises with <see cref="Normalize"/>, so callers may
/// pass either form.
/// </summary>
public static class MessageIds
{
    /// <summary>Trims whitespace and one pair of angle brackets; null for empty input.</summary>
    public static string? Normalize(string? messageId)
    {
        if (string.IsNullOrWhiteSpace(messageId))
        {
            return null;
        }

        var s = messageId.Trim();
        if (s.Length >= 2 && s[0] == '<' && s[^1] == '>')
        {
            s = s[1..^1].Trim();
        }

        return s.Length == 0 ? null : s;
    }

    /// <summary>
    /// A stable stand-in for a message without a Message-ID, derived from its SHA-256, so that
    /// threading and permalinks still have a key (twisted-python-pipermail has 2 such messages).
    /// </summary>
    public static string Synthetic(string sha256Hex) => $"sha256-{sha256Hex}@listarchive.invalid";
}
