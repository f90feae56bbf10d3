namespace ListArchive.Analysis.Threading;

/// <summary>
/// Something the threader noticed and worked around. Codes (stable, kebab-case):
/// <c>duplicate-message-id</c>, <c>self-reference</c>, <c>reference-loop</c>,
/// <c>invalid-reference-ignored</c>, <c>in-reply-to-preferred</c>, <c>in-reply-to-ignored</c>.
/// </summary>
public sealed record ThreadDiagnostic(string Code, string MessageId, string Message);
