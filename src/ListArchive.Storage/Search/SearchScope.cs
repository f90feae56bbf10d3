namespace ListArchive.Storage.Search;

/// <summary>
/// Which body text free search terms look in (<c>in:own</c>, <c>in:quoted</c>, <c>in:all</c>).
/// The default is <see cref="Own"/>: "who said X" must find the message where X was written,
/// not every reply that quoted it.
/// </summary>
public enum SearchScope
{
    /// <summary>Subject, From and what the sender wrote.</summary>
    Own,

    /// <summary>Only what the sender quoted or forwarded.</summary>
    Quoted,

    /// <summary>Subject, From, own and quoted text.</summary>
    All,
}
