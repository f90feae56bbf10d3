namespace ListArchive.Analysis.Threading;

/// <summary>
/// The threading headers of one message, as the threader needs them.
/// </summary>
/// <param name="MessageId">
/// The Message-ID without angle brackets (RFC 5322 §3.6.4). Required: a message that has no usable
/// Message-ID must be given a synthetic, stable id by the caller (for example derived from the raw
/// message's content hash) before it is threaded; <see cref="Threader"/> rejects an empty id.
/// </param>
/// <param name="References">The References ids in header order (oldest ancestor first), without angle brackets.</param>
/// <param name="InReplyTo">The In-Reply-To ids in header order, without angle brackets.</param>
/// <param name="Subject">The decoded Subject, if any; used for placeholder subjects and the optional subject fallback.</param>
/// <param name="Date">The message's Date, if it could be parsed; used only for ordering, never for parent choice.</param>
public sealed record ThreadInput(
    string MessageId,
    IReadOnlyList<string> References,
    IReadOnlyList<string> InReplyTo,
    string? Subject,
    DateTimeOffset? Date);
