namespace ListArchive.Analysis.Segments;

/// <summary>The field a line of an Outlook/Exchange (or forwarded-message) header block names.</summary>
internal enum HeaderLabel
{
    None,
    From,
    Date,
    To,
    Cc,
    Subject,
    Other,
}
