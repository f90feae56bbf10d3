namespace ListArchive.Analysis.Segments;

/// <summary>What an attribution line or header block names.</summary>
/// <param name="Author">The quoted author, when a name or address is written.</param>
/// <param name="Date">The date written, when one could be read.</param>
/// <param name="DateAmbiguous">A numeric date read day-first though month-first would also be valid.</param>
/// <param name="Strong">Introduced by a language's lead-in ("On", "Le", "Am" …) with a date: safe to take unmarked text after it as quoted.</param>
/// <param name="Verb">Written with a verb ("wrote", "schrieb" …), not one of the verb-less forms.</param>
internal sealed record AttributionInfo(QuotedAuthor? Author, DateTimeOffset? Date, bool DateAmbiguous, bool Strong, bool Verb = false);
