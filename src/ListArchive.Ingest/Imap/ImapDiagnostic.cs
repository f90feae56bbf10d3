namespace ListArchive.Ingest.Imap;

/// <summary>Something odd the server sent that the client tolerated (lenient parsing never throws on it).</summary>
/// <param name="Code">Short stable code, e.g. <c>unexpected-tag</c>, <c>literal-too-large</c>.</param>
/// <param name="Message">What happened, for the log; never holds credentials or message bodies.</param>
public sealed record ImapDiagnostic(string Code, string Message);
