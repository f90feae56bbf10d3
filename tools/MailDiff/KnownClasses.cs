namespace ListArchive.Tools.MailDiff;

/// <summary>
/// The disagreement classes where our value is right, each with its rule. A disagreement gets the
/// first class whose rule matches; one no rule matches is "unexplained".
/// </summary>
internal static class KnownClasses
{
    public static IReadOnlyList<DisagreementClass> All { get; } =
    [
        new("pipermail-obfuscated-address", [Field.FromAddress, Field.FromName],
            "pipermail `user at domain (Name)`: mailparser finds no address",
            "Mailman 2 pipermail writes every address as `user at domain` (localised: `en`, `em`) in From_ lines and "
            + "`From:` fields, e.g. `From: hostmaster at arin.net (American Registry for Internet Numbers)`. This is no "
            + "RFC 5322 §3.4 mailbox, so mailparser's addressparser returns an empty address and the whole text as "
            + "the name; we rebuild `user@domain` and take the comment as the display name (RFC 5322 §3.4: "
            + "`addr-spec (comment)` names the mailbox by its comment in practice). "
            + "Rule: our first From mailbox is flagged `Deobfuscated`.",
            (p, _) => p.Message.From.FirstOrDefault()?.Deobfuscated == true),
    ];

    public static string? Classify(MessagePair pair, Field field)
    {
        foreach (var c in All)
            if (c.Fields.Contains(field) && c.Matches(pair, field)) return c.Id;
        return null;
    }
}
