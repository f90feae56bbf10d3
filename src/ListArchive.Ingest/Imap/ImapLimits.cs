namespace ListArchive.Ingest.Imap;

/// <summary>
/// Bounds on what a server may make the client hold. A server-announced size is never trusted
/// for an allocation: buffers grow with the bytes that actually arrive (see <see cref="ImapReader"/>).
/// </summary>
public sealed record ImapLimits
{
    /// <summary>Longest line (text of one response, literals excluded). Longer: the connection is dropped.</summary>
    public int MaxLineBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Largest literal kept (one message). Larger ones are read and discarded, and the message is skipped with a diagnostic.</summary>
    public long MaxLiteralBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest literal the client reads through to stay in sync; above it the connection is dropped.</summary>
    public long MaxDiscardBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Literals in one response; more means garbage.</summary>
    public int MaxLiteralsPerResponse { get; init; } = 1000;

    /// <summary>Untagged responses tolerated while one command runs (beyond the ones it asked for).</summary>
    public int MaxUnsolicitedPerCommand { get; init; } = 100_000;

    /// <summary>Silence after which a command's connection is considered dead.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Nesting depth of parenthesised lists.</summary>
    public int MaxDepth { get; init; } = 64;
}
