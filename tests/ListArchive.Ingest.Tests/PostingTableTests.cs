namespace ListArchive.Ingest.Tests;

public sealed class PostingTableTests
{
    [Fact]
    public void Holders_are_in_source_order_and_cut_at_the_limit_like_the_index()
    {
        var postings = new List<(ulong Hash, long Source)>
        {
            (7, 30), (7, -2), (7, 10), (7, 20), (9, 5), (ulong.MaxValue, 1),
        };
        var table = PostingTable.Build(postings);

        var holders = table.Holders([7, 9, 8, ulong.MaxValue], limit: 3);

        Assert.Equal([-2L, 10L, 20L], holders[7]);   // documents (negative keys) first, as the index's key order gives
        Assert.Equal([5L], holders[9]);
        Assert.Equal([1L], holders[ulong.MaxValue]);
        Assert.False(holders.ContainsKey(8));
        Assert.Equal(6, table.Count);
    }
}
