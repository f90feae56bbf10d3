using ListArchive.Elasticsearch.Transport;

namespace ListArchive.Elasticsearch.Tests.Transport;

public sealed class EsBackoffTests
{
    private static readonly EsOptions Options = new()
    {
        Url = new Uri("http://localhost:9200"),
        RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        RetryMaxDelay = TimeSpan.FromMilliseconds(1000),
    };

    [Fact]
    public void DelaysDoubleWithJitterUpToTheCap()
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.InRange(EsBackoff.Delay(Options, 1).TotalMilliseconds, 50, 100);
            Assert.InRange(EsBackoff.Delay(Options, 3).TotalMilliseconds, 200, 400);
            Assert.InRange(EsBackoff.Delay(Options, 12).TotalMilliseconds, 500, 1000);
        }

        // Jitter: not all the same.
        Assert.True(Enumerable.Range(0, 20).Select(_ => EsBackoff.Delay(Options, 2)).Distinct().Count() > 1);
    }

    [Fact]
    public void RetryAfterIsAFloorWithinTheCapAndZeroBaseMeansNoWait()
    {
        Assert.InRange(EsBackoff.Delay(Options, 1, TimeSpan.FromMilliseconds(700)).TotalMilliseconds, 700, 700);
        Assert.InRange(EsBackoff.Delay(Options, 1, TimeSpan.FromSeconds(30)).TotalMilliseconds, 1000, 1000);
        Assert.Equal(TimeSpan.Zero, EsBackoff.Delay(Options with { RetryBaseDelay = TimeSpan.Zero }, 5));
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(500, false)]
    [InlineData(400, false)]
    [InlineData(409, false)]
    public void OnlyOverloadAndGatewayStatusesAreRetried(int status, bool retried) =>
        Assert.Equal(retried, EsBackoff.IsRetryable(status));
}
