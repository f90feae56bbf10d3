namespace ListArchive.Tools.MailDiff;

/// <summary>An example disagreement: where, and short excerpts of both values (never whole bodies).</summary>
internal sealed record Sample(string Position, Field Field, string? Class, string Ours, string Theirs);
