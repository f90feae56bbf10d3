namespace ListArchive.Elasticsearch.Transport;

/// <summary>
/// Jittered exponential backoff: attempt n waits a random time between half and all of
/// <c>base · 2^(n-1)</c>, capped. Elastic's indexing guidance asks clients to back off on 429
/// "ideally with randomized exponential backoff" (research §3) so that many senders do not retry
/// in lock-step; half the delay stays fixed so a retry is never immediate.
/// </summary>
internal static class EsBackoff
{
    public static TimeSpan Delay(EsOptions options, int retry, TimeSpan? retryAfter = null)
    {
        if (options.RetryBaseDelay <= TimeSpan.Zero)
            return TimeSpan.Zero;
        var exponent = Math.Min(retry - 1, 20);
        var ceiling = Math.Min(options.RetryMaxDelay.TotalMilliseconds, options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var delay = ceiling * (0.5 + (Random.Shared.NextDouble() / 2));
        // A server's Retry-After is a floor (it knows when it will have room), still within the cap.
        if (retryAfter is { } after)
            delay = Math.Max(delay, Math.Min(after.TotalMilliseconds, options.RetryMaxDelay.TotalMilliseconds));
        return TimeSpan.FromMilliseconds(delay);
    }

    public static void Wait(TimeSpan delay)
    {
        if (delay > TimeSpan.Zero)
            Thread.Sleep(delay);
    }

    /// <summary>Statuses worth another attempt: overload (429) and the gateway/unavailable family (research §5.8).</summary>
    public static bool IsRetryable(int status) => status is 429 or 502 or 503 or 504;
}
