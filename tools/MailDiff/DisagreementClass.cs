namespace ListArchive.Tools.MailDiff;

/// <summary>
/// A known kind of disagreement where our value is the right one: a repair that undoes mailparser's
/// mistake (or the documented difference in form), and the evidence (RFC section or corpus
/// observation) written into docs/mailparser-differential.md.
/// </summary>
/// <param name="Id">Stable kebab-case name.</param>
/// <param name="Fields">Fields the class applies to.</param>
/// <param name="Title">One line.</param>
/// <param name="Evidence">Markdown: why ours is right (RFC section or corpus evidence) and what the rule checks.</param>
/// <param name="Repair">
/// Given the pair and the current (ours, theirs) values of a field that still differ, returns the values
/// with this class's difference undone, or null when the class does not apply to this message.
/// </param>
internal sealed record DisagreementClass(
    string Id,
    IReadOnlyList<Field> Fields,
    string Title,
    string Evidence,
    Func<MessagePair, Field, string, string, (string Ours, string Theirs)?> Repair);
