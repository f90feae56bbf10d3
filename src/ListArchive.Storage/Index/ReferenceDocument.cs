namespace ListArchive.Storage.Index;

/// <summary>
/// A registered reference document (an open letter, a report) whose words are attributed like a message's
/// (<c>listarchive documents add</c>; docs/text-reuse.md §9). Its fingerprint source key is −<see cref="Key"/>.
/// </summary>
/// <param name="Key">Row key (1, 2, …), assigned on registration.</param>
/// <param name="Id">Stable public id (given, or derived from the title).</param>
/// <param name="Title">Title.</param>
/// <param name="Author">Author as free text.</param>
/// <param name="Date">Date as given (<c>2021-03-05</c>, <c>2024</c>).</param>
/// <param name="Url">Where it is published, if known.</param>
/// <param name="Text">Its plain text.</param>
public sealed record ReferenceDocument(long Key, string Id, string Title, string? Author, string? Date, string? Url, string Text)
{
    /// <summary>Start of <see cref="Date"/> (a year alone is 1 January), UTC; null when it does not parse.</summary>
    public DateTimeOffset? Start => ParseDate(Date);

    public static DateTimeOffset? ParseDate(string? date)
    {
        if (string.IsNullOrWhiteSpace(date))
        {
            return null;
        }

        var formats = new[] { "yyyy-MM-dd", "yyyy-MM", "yyyy" };
        return DateTimeOffset.TryParseExact(date.Trim(), formats, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d : null;
    }
}
