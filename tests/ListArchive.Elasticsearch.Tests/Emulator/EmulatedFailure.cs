namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>A failure a test makes the emulator answer: HTTP status, Elasticsearch error type and reason.</summary>
public sealed record EmulatedFailure(int Status, string Type, string Reason)
{
    /// <summary>The error type the real cluster sends with a status (429: the write thread pool's queue is full).</summary>
    public static EmulatedFailure For(int status, string? type = null) => new(status, type ?? status switch
    {
        429 => "es_rejected_execution_exception",
        503 => "unavailable_shards_exception",
        409 => "version_conflict_engine_exception",
        404 => "index_not_found_exception",
        400 => "illegal_argument_exception",
        _ => "exception",
    }, status == 429 ? "rejected execution of coordinating operation (injected by the emulator)" : "failure injected by the emulator");
}
