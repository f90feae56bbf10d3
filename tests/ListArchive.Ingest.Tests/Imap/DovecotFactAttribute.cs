namespace ListArchive.Ingest.Tests.Imap;

/// <summary>A fact that needs a real Dovecot; skipped, with the reason, where none can run.</summary>
public sealed class DovecotFactAttribute : FactAttribute
{
    public DovecotFactAttribute()
    {
        if (DovecotServer.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
