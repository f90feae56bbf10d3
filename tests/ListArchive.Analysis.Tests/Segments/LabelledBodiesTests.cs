namespace ListArchive.Analysis.Tests.Segments;

public sealed class LabelledBodiesTests
{
    /// <summary>The scorer reads files in the import's order so that "latest 20 messages" means the same (src/ListArchive.Ingest/TrailerPass.cs).</summary>
    [Fact]
    public void PipermailMonthsSortInCalendarOrder()
    {
        string[] names = ["2009-March.txt.gz", "2009-April.txt.gz", "2008-December.txt", "2009-January.txt.gz", "README"];

        var sorted = names.OrderBy(LabelledBodies.MonthSortKey, StringComparer.Ordinal).ToArray();

        Assert.Equal(["2008-December.txt", "2009-January.txt.gz", "2009-March.txt.gz", "2009-April.txt.gz", "README"], sorted);
    }
}
