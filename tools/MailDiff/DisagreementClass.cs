namespace ListArchive.Tools.MailDiff;

/// <summary>
/// A known kind of disagreement where our value is the right one: a rule that recognises it and the
/// evidence (RFC section or corpus observation) written into docs/mailparser-differential.md.
/// </summary>
/// <param name="Id">Stable kebab-case name.</param>
/// <param name="Fields">Fields the rule applies to.</param>
/// <param name="Title">One line.</param>
/// <param name="Evidence">Markdown: why ours is right (RFC section or corpus evidence) and what the rule checks.</param>
/// <param name="Matches">The rule, asked only for a field where the two normalised values differ.</param>
internal sealed record DisagreementClass(
    string Id,
    IReadOnlyList<Field> Fields,
    string Title,
    string Evidence,
    Func<MessagePair, Field, bool> Matches);
