namespace ListArchive.Analysis.Segments;

/// <summary>
/// Fixed trailing material recognised without learning: Mailman's footer, "Sent from my …" lines and
/// legal disclaimers (issue 5 "boilerplate").
/// </summary>
internal static class Trailers
{
    private static readonly string[] SentFrom =
    [
        "sent from my ", "sent from mail", "sent from mail for windows", "sent from outlook", "sent from yahoo mail", "sent from samsung", "sent from a mobile",
        "sent with protonmail", "sent via ", "get outlook for ", "télécharger outlook pour", "outlook für ios herunterladen", "descargar outlook para", "envoyé de mon ", "envoyé depuis ", "von meinem ", "gesendet von ",
        "enviado desde mi ", "enviado do meu ", "enviado de meu ", "enviado desde ", "inviato da ", "verstuurd vanaf mijn ",
        "verzonden vanaf mijn ", "skickat från min ", "sendt fra min ", "lähetetty ", "wysłane z ", "odesláno z ", "отправлено с ",
        "从我的", "iphoneから送信", "發自我的", "发自我的",
    ];

    private static readonly string[] Disclaimer =
    [
        "confidentiality notice", "this e-mail and any attachments", "this email and any attachments", "this message and any attachments",
        "this e-mail message is intended", "this email message is intended", "if you are not the intended recipient",
        "the information contained in this", "this communication is confidential", "this e-mail may contain",
        "this email may contain", "this message may contain confidential", "is intended only for the use of", "intended solely for the",
        "ce message et ses pièces jointes", "ce message et ses pieces jointes", "informations confidentielles", "diese e-mail enthält vertrauliche", "este mensaje y sus anexos", "este correo electrónico",
        "esta mensagem", "questo messaggio e", "intended recipient", "received this e-mail in error", "received this email in error",
        "received this message in error",
    ];

    /// <summary>"Sent from my iPhone" and its translations: a short line at the end of a message.</summary>
    public static bool IsSentFrom(ReadOnlySpan<char> content)
    {
        var t = content.Trim();
        if (t.Length < 8 || t.Length > 90)
        {
            return false;
        }

        // Any "Sent from <app>" line of a few words ("Sent from TypeApp<http://…>").
        if (t.StartsWith("Sent from ", StringComparison.Ordinal) && t.Count(' ') <= 5)
        {
            return true;
        }

        foreach (var s in SentFrom)
        {
            if (t.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsDisclaimer(ReadOnlySpan<char> content)
    {
        if (content.Length < 12)
        {
            return false;
        }

        foreach (var s in Disclaimer)
        {
            if (content.Contains(s, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Mailman 2/3's decoration: a line of underscores, then "LIST mailing list" (with "-- address" in Mailman 3).</summary>
    public static bool IsMailmanFooterStart(ReadOnlySpan<char> line, ReadOnlySpan<char> next)
    {
        // Usually 47 underscores; some archives shorten the line ("__" + "riak-users mailing list").
        var t = line.TrimEnd();
        if (t.Length < 2)
        {
            return false;
        }

        foreach (var c in t)
        {
            if (c != '_')
            {
                return false;
            }
        }

        return next.Contains("mailing list", StringComparison.OrdinalIgnoreCase) || next.Contains("lista de correo", StringComparison.OrdinalIgnoreCase)
            || next.Contains("mailinglist", StringComparison.OrdinalIgnoreCase) || next.Contains("lista de discuss", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsOriginalMessage(ReadOnlySpan<char> separator)
    {
        foreach (var w in (ReadOnlySpan<string>)["original", "ursprüngliche", "origine", "oorspronkelijk", "ursprungligt", "opprinnelig", "oprindelig", "alkuperäinen", "oryginaln", "původní", "исходное", "原始", "元の", "reply message"])
        {
            if (separator.Contains(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// LISTSERV's footer (a line of '#', then "To unsubscribe from the X list", bigbang-testdata's ETSI
    /// lists) and vger's ("--" then "To unsubscribe from this list: send the line …").
    /// </summary>
    public static bool IsOtherFooterStart(ReadOnlySpan<char> line, ReadOnlySpan<char> next, ReadOnlySpan<char> after)
    {
        var t = line.TrimEnd();
        if (t.Length >= 20 && !t.ContainsAnyExcept('#'))
        {
            return next.Contains("To unsubscribe from the", StringComparison.OrdinalIgnoreCase) || (next.IsWhiteSpace() && after.Contains("To unsubscribe from the", StringComparison.OrdinalIgnoreCase));
        }

        return t is "--" or "-- " && next.StartsWith("To unsubscribe from this list", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Lines of machine-added boilerplate starting at this line, or 0: pipermail's
    /// "-------------- next part --------------" and "An HTML attachment was scrubbed..." notes (with
    /// their Name/Type/Size/URL lines), and PGP armour ("-----BEGIN PGP SIGNED MESSAGE-----" with its
    /// Hash line, and the signature block to "-----END PGP SIGNATURE-----").
    /// </summary>
    public static int BoilerplateBlock(string text, int start, int end)
    {
        var line = text.AsSpan(start, end - start).TrimEnd();
        if (line is "-------------- next part --------------")
        {
            return 1;
        }

        if (line.StartsWith("-----BEGIN PGP SIGNED MESSAGE-----"))
        {
            var next = NextLine(text, end);
            return next.StartsWith("Hash:") ? 2 : 1;
        }

        if (line.StartsWith("-----BEGIN PGP SIGNATURE-----"))
        {
            var count = 1;
            var at = end;
            while (at < text.Length && count < 40)
            {
                var l = NextLine(text, at);
                count++;
                at = at + 1 + l.Length;
                if (l.TrimEnd() is "-----END PGP SIGNATURE-----")
                {
                    return count;
                }
            }

            return 1;
        }

        if (line.EndsWith("attachment was scrubbed...") || line.StartsWith("Skipped content of type"))
        {
            var count = 1;
            var at = end;
            while (at < text.Length && count < 8)
            {
                var l = NextLine(text, at);
                if (!(l.StartsWith("Name:") || l.StartsWith("Type:") || l.StartsWith("Size:") || l.StartsWith("Desc:") || l.StartsWith("Url") || l.StartsWith("URL:")))
                {
                    break;
                }

                count++;
                at = at + 1 + l.Length;
            }

            return count;
        }

        return 0;
    }

    private static ReadOnlySpan<char> NextLine(string text, int newlineAt)
    {
        if (newlineAt >= text.Length)
        {
            return default;
        }

        var from = newlineAt + 1;
        var nl = text.IndexOf('\n', from);
        return text.AsSpan(from, (nl < 0 ? text.Length : nl) - from);
    }
}
