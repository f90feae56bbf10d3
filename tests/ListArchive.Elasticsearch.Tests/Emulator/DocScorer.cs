namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>A compiled query: the document's score, or NaN when it does not match.</summary>
internal delegate double DocScorer(IndexedDocument doc);
