using ListArchive.Elasticsearch.Transport;

namespace ListArchive.Elasticsearch.Tests.Transport;

public sealed class BulkBatchesTests
{
    [Fact]
    public void RangesStayWithinBytesAndCountAndCoverEveryOperationOnce()
    {
        var sizes = new[] { 400, 300, 500, 100, 2000, 50, 50, 50, 50 };

        var ranges = BulkBatches.Split(sizes, maxBytes: 1000, maxOperations: 3);

        Assert.Equal([(0, 2), (2, 2), (4, 1), (5, 3), (8, 1)], ranges);
        Assert.Equal(Enumerable.Range(0, sizes.Length), ranges.SelectMany(r => Enumerable.Range(r.Start, r.Count)));
    }

    [Fact]
    public void AnOperationLargerThanTheLimitGoesAlone()
    {
        var ranges = BulkBatches.Split([10, 5000, 10], maxBytes: 100, maxOperations: 10);

        Assert.Equal([(0, 1), (1, 1), (2, 1)], ranges);
    }

    [Fact]
    public void SameDocumentInTwoRangesIsDetected()
    {
        BulkOperation Op(string id) => new(BulkAction.Index, "i", id, []);
        var ops = new[] { Op("a"), Op("b"), Op("c"), Op("a") };

        Assert.True(BulkBatches.SpansRanges(ops, [(0, 2), (2, 2)]));
        Assert.False(BulkBatches.SpansRanges(ops, [(0, 4)]));
        Assert.False(BulkBatches.SpansRanges([Op("a"), Op("b")], [(0, 1), (1, 1)]));
    }
}
