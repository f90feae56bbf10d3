using System.Text.Json.Serialization;
using ListArchive.Ingest.Imap;

namespace ListArchive.Ingest.Live;

/// <summary>
/// One IMAP source (docs/live-ingestion.md §Sources): where to connect, who to log in as, which
/// folders to follow and into which list. Bound from appsettings.json / environment
/// (<c>ListArchive:Sources:N:…</c>) or stored in the data directory by <c>listarchive sources add</c>.
/// </summary>
public sealed class SourceDefinition
{
    /// <summary>Unique name; also keys the progress of its folders.</summary>
    public string Name { get; set; } = "";

    public string Host { get; set; } = "";

    /// <summary>Default: 993 for <see cref="ImapSecurity.Tls"/>, 143 otherwise.</summary>
    public int? Port { get; set; }

    [JsonConverter(typeof(JsonStringEnumConverter<ImapSecurity>))]
    public ImapSecurity Security { get; set; } = ImapSecurity.Tls;

    public string User { get; set; } = "";

    /// <summary>The password itself; prefer <see cref="PasswordEnvironment"/> so it sits in no file.</summary>
    public string? Password { get; set; }

    /// <summary>Name of an environment variable holding the password.</summary>
    public string? PasswordEnvironment { get; set; }

    /// <summary><c>auto</c> (AUTHENTICATE PLAIN when offered, else LOGIN), <c>plain</c> or <c>login</c>.</summary>
    public string Auth { get; set; } = "auto";

    /// <summary>Folders to follow; default INBOX.</summary>
    public List<string> Folders { get; set; } = [];

    /// <summary>The list every message goes to; null: List-Id, List-Post, else the source name.</summary>
    public string? List { get; set; }

    /// <summary>A certificate to trust for a self-hosted server: a PEM/DER file, or <c>sha256:HEX</c> of its DER bytes.</summary>
    public string? TrustCertificate { get; set; }

    /// <summary>Seconds between polls when the server has no IDLE (or <see cref="UseIdle"/> is off).</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>Wait with IDLE (RFC 2177) when the server offers it and one folder is followed.</summary>
    public bool UseIdle { get; set; } = true;

    /// <summary>Messages per UID FETCH command.</summary>
    public int FetchBatch { get; set; } = 200;

    /// <summary>
    /// Messages handed to the import pipeline at once (and progress saved after each; at most 64 MB).
    /// Each call rethreads the touched lists and relearns trailers, so an initial fetch in
    /// batches of 1,000 cost twice the CPU of a file import (tools/bench/ImapBench).
    /// </summary>
    public int ImportBatch { get; set; } = 5000;

    [JsonIgnore]
    public int EffectivePort => Port ?? (Security == ImapSecurity.Tls ? 993 : 143);

    [JsonIgnore]
    public IReadOnlyList<string> EffectiveFolders => Folders.Count == 0 ? ["INBOX"] : Folders;

    /// <summary>The password: <see cref="Password"/>, else the variable <see cref="PasswordEnvironment"/> names.</summary>
    public string? ResolvePassword() =>
        !string.IsNullOrEmpty(Password) ? Password
        : PasswordEnvironment is { Length: > 0 } name ? Environment.GetEnvironmentVariable(name) : null;

    /// <summary>What may be shown back: never the password, only whether it is set (and where from).</summary>
    public string DescribePassword() =>
        !string.IsNullOrEmpty(Password) ? $"set ({Mask(Password)})"
        : PasswordEnvironment is { Length: > 0 } name ? $"from ${name}{(Environment.GetEnvironmentVariable(name) is null ? " (not set!)" : "")}"
        : "none";

    /// <summary>Problems that make the source unusable; empty when it can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("name is empty");
        }

        if (string.IsNullOrWhiteSpace(Host))
        {
            problems.Add("host is empty");
        }

        if (string.IsNullOrWhiteSpace(User))
        {
            problems.Add("user is empty");
        }

        if (ResolvePassword() is null)
        {
            problems.Add(PasswordEnvironment is null ? "no password" : $"environment variable {PasswordEnvironment} is not set");
        }

        if (Auth is not ("auto" or "plain" or "login"))
        {
            problems.Add("auth must be auto, plain or login");
        }

        return problems;
    }

    /// <summary>Two characters at most, never the whole secret (short ones show nothing).</summary>
    internal static string Mask(string secret) => secret.Length < 8 ? "****" : secret[..2] + "****";
}
