namespace ListArchive.Storage.Search;

/// <summary>Which indexed text a search term must match.</summary>
public enum SearchField
{
    /// <summary>Subject, body or From.</summary>
    Any,
    Subject,
    From,
}
