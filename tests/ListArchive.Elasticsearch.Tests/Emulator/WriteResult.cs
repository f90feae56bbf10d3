namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>The outcome of one document write: result word (created, updated, deleted, not_found, noop) and HTTP status.</summary>
internal sealed record WriteResult(string Index, string Id, string Result, int Status, long Version, long SeqNo);
