namespace ListArchive.Web.Live;

/// <summary>
/// The HTTP receive endpoint (<c>ListArchive:Receive</c> in appsettings.json or
/// <c>LISTARCHIVE_Receive__Token</c>; docs/live-ingestion.md §HTTP receive).
/// </summary>
public sealed class ReceiveSettings
{
    /// <summary>The bearer token a list server sends; null or empty: receiving is off.</summary>
    public string? Token { get; set; }

    /// <summary>Largest message accepted; larger ones get 413. Default 25 MB (a generous list limit).</summary>
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;
}
