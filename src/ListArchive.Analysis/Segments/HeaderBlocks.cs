using System.Collections.Frozen;

namespace ListArchive.Analysis.Segments;

/// <summary>
/// Outlook/Exchange reply header blocks (<c>From:/Sent:/To:/Cc:/Subject:</c>) and forwarded-message
/// headers, in the languages of issue 5, and the separator lines written before them
/// (<c>-----Original Message-----</c>, a line of underscores, Gmail's
/// <c>---------- Forwarded message ---------</c>, Apple's <c>Begin forwarded message:</c>).
/// clearwater-pipermail has 887 such blocks, 839 without any <c>&gt;</c> (../shared/corpora/README.md).
/// </summary>
internal static class HeaderBlocks
{
    private static readonly FrozenDictionary<string, HeaderLabel> Labels = BuildLabels();

    private static readonly string[] ForwardWords =
    [
        "forward", "weitergeleitet", "transféré", "transfere", "reenviado", "encaminhad", "reencaminhad", "inoltrat",
        "doorgestuurd", "vidarebefordra", "videresend", "przekazan", "přeposlan", "пересыла", "转发", "轉寄", "転送", "välitetty",
    ];

    private static readonly string[] ForwardIntros =
    [
        "begin forwarded message", "anfang der weitergeleiteten nachricht", "début du message réexpédié",
        "début du message transféré", "inicio del mensaje reenviado", "início da mensagem reencaminhada",
        "inizio messaggio inoltrato", "begin doorgestuurd bericht", "vidarebefordrat brev", "videresendt meddelelse",
        "videresendt melding", "forwarded message", "转发的邮件", "転送されたメッセージ",
    ];

    /// <summary>Which header field the line names, and where its value starts.</summary>
    public static HeaderLabel Label(ReadOnlySpan<char> content, out int valueStart)
    {
        valueStart = 0;
        var start = 0;
        while (start < content.Length && (content[start] == '*' || content[start] == ' '))
        {
            start++;
        }

        var limit = Math.Min(content.Length, start + 26);
        var colon = -1;
        for (var i = start; i < limit; i++)
        {
            if (content[i] is ':' or '：')
            {
                colon = i;
                break;
            }
        }

        if (colon <= start)
        {
            return HeaderLabel.None;
        }

        var label = content[start..colon].Trim().TrimEnd('*').Trim();
        if (label.Length == 0 || label.Length > 24)
        {
            return HeaderLabel.None;
        }

        Span<char> buffer = stackalloc char[label.Length];
        label.ToLowerInvariant(buffer);
        if (!Labels.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(buffer, out var kind) && !TryWildcard(buffer, out kind))
        {
            return HeaderLabel.None;
        }

        var v = colon + 1;
        while (v < content.Length && (content[v] == ' ' || content[v] == '*' || content[v] == '\t'))
        {
            v++;
        }

        valueStart = v;
        return kind;
    }

    /// <summary>
    /// A separator line: returns its length in <paramref name="content"/> (it may be followed by a
    /// header on the same line, as in clearwater's "-----Original Message-----From: …"), and whether
    /// it announces a forward. 0 when the line is no separator.
    /// </summary>
    public static int Separator(ReadOnlySpan<char> content, out bool forward)
    {
        forward = false;
        var t = content.TrimStart();
        var lead = content.Length - t.Length;
        if (t.Length >= 10 && t.TrimEnd().Length > 0 && IsRun(t.TrimEnd(), '_'))
        {
            return content.Length;
        }

        // A short rule of '=' alone ("====" above a French webmail's "Message du :" block, crisp-oss's
        // email-reply-parser fixtures): only a separator when a header block follows, which the caller checks.
        if (t.TrimEnd().Length >= 4 && IsRun(t.TrimEnd(), '='))
        {
            return content.Length;
        }

        if (t.Length > 6 && (t[0] is '-' or '=') && t[1] == t[0] && t[2] == t[0])
        {
            var fill = t[0];
            var i = 0;
            while (i < t.Length && t[i] == fill)
            {
                i++;
            }

            var inner = i;
            if (i >= 5 && Label(t[i..], out _) is HeaderLabel.From or HeaderLabel.Date)
            {
                // "----------From: …" (a webmail's reply header, usrp-users).
                return lead + i;
            }

            var close = t[inner..].IndexOf($"{fill}{fill}", StringComparison.Ordinal);
            if (close <= 0)
            {
                return 0;
            }

            var end = inner + close;
            var word = t[inner..end].Trim();
            while (end < t.Length && t[end] == fill)
            {
                end++;
            }

            if (word.Length < 3 || word.Length > 48 || word.Contains(':') || word.Contains("wrote", StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }

            forward = IsForwardWord(word);
            return lead + end;
        }

        var trimmed = t.TrimEnd().TrimEnd(':').TrimEnd();
        foreach (var intro in ForwardIntros)
        {
            if (trimmed.Equals(intro, StringComparison.OrdinalIgnoreCase))
            {
                forward = true;
                return content.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// clearwater- and twisted-python's pipermail turned non-ASCII letters into '?': "Fr?n:",
    /// "Envoy? :", "? :" — '?' matches any one letter of a known label.
    /// </summary>
    private static bool TryWildcard(ReadOnlySpan<char> label, out HeaderLabel kind)
    {
        kind = HeaderLabel.None;
        if (label.IndexOf('?') < 0)
        {
            return false;
        }

        foreach (var (name, k) in Labels)
        {
            if (name.Length != label.Length)
            {
                continue;
            }

            var match = true;
            for (var i = 0; i < name.Length && match; i++)
            {
                match = label[i] == '?' ? name[i] > 0x7F || name.Length == 1 : label[i] == name[i];
            }

            if (match)
            {
                kind = k;
                return true;
            }
        }

        return false;
    }

    private static bool IsForwardWord(ReadOnlySpan<char> word)
    {
        foreach (var w in ForwardWords)
        {
            if (word.Contains(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRun(ReadOnlySpan<char> s, char c)
    {
        foreach (var ch in s)
        {
            if (ch != c)
            {
                return false;
            }
        }

        return true;
    }

    private static FrozenDictionary<string, HeaderLabel> BuildLabels()
    {
        var d = new Dictionary<string, HeaderLabel>(StringComparer.Ordinal);
        void Add(HeaderLabel kind, params string[] names)
        {
            foreach (var n in names)
            {
                d[n] = kind;
            }
        }

        Add(HeaderLabel.From, "from", "de", "von", "da", "van", "från", "fra", "od", "от", "发件人", "寄件者", "寄件人", "差出人", "lähettäjä",
            "afsender", "avsändare", "avsender", "remitente", "mittente", "expéditeur", "absender", "nadawca", "odesílatel", "sender");
        Add(HeaderLabel.Date, "sent", "date", "envoyé", "envoye", "gesendet", "datum", "enviado el", "enviado", "enviada em", "enviado em",
            "fecha", "inviato", "data", "verzonden", "skickat", "sendt", "wysłano", "wysłane", "odesláno", "отправлено", "дата",
            "发送时间", "日期", "寄件日期", "送信日時", "日付", "lähetetty", "päivämäärä", "sent at", "date de l'envoi", "message du");
        Add(HeaderLabel.To, "to", "à", "a", "an", "para", "aan", "till", "til", "do", "komu", "кому", "收件人", "宛先", "vastaanottaja",
            "destinataire", "empfänger", "per", "adresat", "mottagare", "mottaker", "modtager");
        Add(HeaderLabel.Cc, "cc", "kopie", "copia", "kopi", "kopia", "копия", "抄送", "副本", "kopio", "cci", "bcc", "cc.", "copie à", "copie a");
        Add(HeaderLabel.Subject, "subject", "objet", "betreff", "asunto", "assunto", "oggetto", "onderwerp", "ämne", "emne", "temat",
            "předmět", "тема", "主题", "主旨", "件名", "aihe", "sujet", "emne");
        Add(HeaderLabel.Other, "reply-to", "importance", "attachments", "priority", "wichtigkeit", "anlagen", "pièces jointes");
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
