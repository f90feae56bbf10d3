namespace ListArchive.Storage.Search;

/// <summary>One text condition of a query.</summary>
/// <param name="Text">The user's words, verbatim (never FTS syntax).</param>
/// <param name="Field">Where it must match.</param>
/// <param name="Phrase">True for a quoted phrase.</param>
/// <param name="Negated">True for <c>-term</c>: the message must not match.</param>
/// <param name="Prefix">True for <c>word*</c>: prefix match of the last word.</param>
public sealed record SearchTerm(string Text, SearchField Field, bool Phrase, bool Negated, bool Prefix);
