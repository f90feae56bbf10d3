namespace ListArchive.Storage.Index;

/// <summary>How a month index is ordered.</summary>
public enum MonthOrder
{
    Date,
    Thread,
    Author,
}
