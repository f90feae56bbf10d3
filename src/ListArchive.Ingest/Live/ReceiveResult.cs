namespace ListArchive.Ingest.Live;

/// <summary>What became of one received message.</summary>
/// <param name="MessageId">The Message-ID it is stored under (a synthetic one when it had none).</param>
/// <param name="IsNew">False when the same bytes were stored before (for this list).</param>
/// <param name="List">The list it went to.</param>
/// <param name="Problems">Diagnostic codes of what was wrong with it (it is stored anyway).</param>
public sealed record ReceiveResult(string MessageId, bool IsNew, string List, IReadOnlyList<string> Problems);
