namespace ListArchive.Elasticsearch.Transport;

/// <summary>
/// A request the cluster refused or could not answer: status 0 when unreachable, else the HTTP
/// status, with Elasticsearch's <c>error.type</c> and <c>error.reason</c> when it sent them.
/// </summary>
public sealed class EsException(string message, int status, string? errorType = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int Status { get; } = status;

    public string? ErrorType { get; } = errorType;
}
