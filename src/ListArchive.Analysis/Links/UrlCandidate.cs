namespace ListArchive.Analysis.Links;

/// <summary>
/// A wrapper URL found in a text: the source span it occupies (<see cref="Start"/>..<see cref="End"/>,
/// line breaks and quote prefixes of a hard-wrapped URL included) and the URL with those removed.
/// <see cref="ReplaceEnd"/> also covers a Proofpoint v3 <c> [host[.]tld]</c> hint (§2, §16.7).
/// <see cref="Opener"/> is the character before the URL ('&lt;', '(', '"', or '\0').
/// </summary>
internal readonly record struct UrlCandidate(int Start, int End, int ReplaceEnd, string Url, char Opener, bool Joined);
