using System.Text.RegularExpressions;
using ListArchive.Mail.Mime;

namespace ListArchive.Tools.MailDiff;

/// <summary>
/// The disagreement classes where our value is right, each with its rule. Classification applies the
/// repairs of the classes of a field in list order, each to the result of the previous ones; when the
/// values become equal the disagreement is explained and counted under the first class whose repair
/// changed something. A disagreement no sequence of repairs resolves is "unexplained".
/// </summary>
internal static partial class KnownClasses
{
    /// <summary>A repair for a class whose rule recognises the whole difference: take our value.</summary>
    private static (string, string) Ours(string ours) => (ours, ours);

    public static IReadOnlyList<DisagreementClass> All { get; } =
    [
        new("pipermail-obfuscated-address", [Field.FromAddress, Field.FromName],
            "pipermail `user at domain (Name)`: mailparser finds no address",
            "Mailman 2 pipermail writes every address as `user at domain` (localised: `en` in bulmages-main, `em` in "
            + "gpt-usuarios), e.g. `From: hostmaster at arin.net (American Registry for Internet Numbers)`. That is no "
            + "RFC 5322 §3.4 mailbox, so mailparser's addressparser returns an empty address and the obfuscated text "
            + "as the name (dump.mjs, which takes the first mailbox that has an address, then reports no address and "
            + "no name). We rebuild `user@domain` and take the trailing comment as the display name (RFC 5322 §3.4 "
            + "`addr-spec (comment)`, the way old clients wrote a name). "
            + "Rule: our first From mailbox is flagged `Deobfuscated` and mailparser's has no address.",
            (p, _, ours, _) => p.Message.From.FirstOrDefault()?.Deobfuscated == true && string.IsNullOrEmpty(p.Record.FromAddress)
                ? Ours(ours) : null),

        new("masked-address", [Field.FromAddress],
            "an address masked by the archive is no address",
            "LISTSERV's web-archive export (the 3GPP/ETSI mboxes in bigbang-testdata) replaces addresses with "
            + "`[log in to unmask]`: `From: Name <[log in to unmask]>`. RFC 5322 §3.4.1: an addr-spec is "
            + "`local-part \"@\" domain`; there is none here, so we report no address (and the name). mailparser "
            + "returns the placeholder as the address. "
            + "Rule: we have no address and mailparser's has no `@`.",
            (p, _, ours, theirs) => ours.Length == 0 && theirs.Length > 0 && !theirs.Contains('@') ? Ours(ours) : null),

        new("name-repeats-address", [Field.FromName],
            "a display name that only repeats the address",
            "RFC 5322 §3.4: the display name is optional and names the mailbox; `\"x@oppo.com\" x@OPPO.COM` "
            + "(3GPP LISTSERV export, bigbang-testdata) or pipermail's `hostmaster at arin.net (hostmaster at arin.net)` "
            + "carry no name at all, and we report none (AddressParser drops a name equal to the address). "
            + "mailparser keeps the address as the name. Rule: we have no name and mailparser's name is our address.",
            (p, _, ours, theirs) => ours.Length == 0 && theirs.Length > 0
                && string.Equals(theirs, p.Ours[Field.FromAddress], StringComparison.OrdinalIgnoreCase) ? Ours(ours) : null),

        new("pipermail-scrubbed-note", [Field.Text],
            "pipermail's scrubbed-attachment note is metadata, not text",
            "Mailman 2 pipermail replaces each attachment with a note after a separator "
            + "(`-------------- next part --------------` / `An HTML attachment was scrubbed...` / `URL: …`, in "
            + "Spanish `------------ próxima parte ------------` / `Se ha borrado un adjunto…`, in Portuguese "
            + "`-------------- Próxima Parte ----------` / `Um anexo em HTML foi limpo...`). Our parser moves these "
            + "notes out of `MessageBody.Text` into `Attachments` (`Scrubbed = true`, with the URL), by design "
            + "(src/ListArchive.Mail/Mime/README.md); mailparser keeps them as body text. "
            + "Rule: we found scrubbed notes, and mailparser's text with the same note blocks removed (separator, "
            + "`…scrubbed...` line and its `Name:/Type:/Size:/Desc:/URL:` lines) is what remains.",
            (p, _, ours, _) => p.Message.GetBody().Attachments.Any(a => a.Scrubbed) && p.Record.Text is { } t
                ? (ours, Normalise.Text(TextRepairs.RemoveScrubbedNotes(t))) : null),

        new("inline-text-subtype", [Field.Text],
            "inline `text/x-diff`, `text/x-patch` … parts are body text",
            "RFC 2046 §4.1.4: an unrecognised subtype of `text` is to be treated as `text/plain` when the charset is "
            + "known, and RFC 2183 §2.1 says an `inline` part is shown with the message. Patches sent inline as "
            + "`text/x-diff`/`text/x-patch` (lkml and notmuch mail) are part of what the author wrote; mailparser "
            + "only counts `text/plain` and `text/html` as text and makes every other `text/*` part an attachment. "
            + "Rule: removing the text of our inline non-plain, non-HTML text parts from our body gives mailparser's.",
            (p, _, ours, theirs) =>
            {
                var extra = InlineOtherTextParts(p.Message.Body).ToList();
                if (extra.Count == 0) return null;
                string? o = ours;
                foreach (var part in extra)
                {
                    o = TextRepairs.RemoveOnce(o, Normalise.Text(part.GetText()));
                    if (o is null) return null;
                }
                return (o, theirs);
            }),

        new("flowed-quote-markers", [Field.Text],
            "format=flowed quoted paragraphs: quote markers",
            "RFC 3676 §4.5: in format=flowed text the leading `>` run is the quote depth, not content; §4.2: a "
            + "line ending in a space is joined to the next line *of the same quote depth*, whose markers go; and a "
            + "blank after the markers is space-stuffing (§4.4). We unflow quoted paragraphs and rebuild each "
            + "line as `> text`. mailparser's flowed decoder joins the lines but keeps the next line's markers "
            + "inside the paragraph (`…but I >>did not find it`, usrp-users) and keeps `>I` unstuffed. "
            + "Rule: a text/plain part is format=flowed, and the texts agree once every `>` run and the blanks "
            + "after it are removed from both.",
            (p, _, ours, theirs) => HasFlowedPart(p.Message.Body)
                ? (TextRepairs.WithoutQuoteMarkers(ours), TextRepairs.WithoutQuoteMarkers(theirs)) : null),

        new("undeclared-8bit", [Field.Subject, Field.FromName, Field.Text],
            "undeclared or mislabelled 8-bit text: mailparser's U+FFFD",
            "Pipermail keeps each body in its original bytes without a charset (bulmages-main: 5,533 Latin-1 bodies; "
            + "gpt-usuarios: 848 of 856), and old clients put raw 8-bit bytes in headers. RFC 2045 §5.2 makes "
            + "undeclared text US-ASCII, so no reading is standard; mailparser decodes such bytes as UTF-8 and "
            + "turns every invalid byte into U+FFFD (`Vers�o`), while we read text that is not valid UTF-8 as "
            + "windows-1252 (`Versão`), which is what those bytes were written in. "
            + "Rule: mailparser's value has U+FFFD, and with blanks removed and each run of U+FFFD standing for "
            + "non-ASCII characters in ours (possibly none: a no-break space 0xA0 is white space to us) the two are equal.",
            (_, _, ours, theirs) =>
            {
                if (theirs.IndexOf('\uFFFD') < 0) return null;
                // Compared without blanks: a no-break space (0xA0) is white space to our normalisation
                // but U+FFFD to mailparser's, so spaces cannot be aligned.
                var o = ours.Replace(" ", "", StringComparison.Ordinal);
                return (o, TextRepairs.RepairReplacementChars(o, theirs.Replace(" ", "", StringComparison.Ordinal)));
            }),

        new("encoded-word-unseparated", [Field.Subject, Field.FromName],
            "RFC 2047 encoded words glued to other text",
            "RFC 2047 §5 wants an encoded word separated from neighbouring text by white space, but Mailman "
            + "prepends its list tag without one (`[BulmaGés]=?iso-8859-1?q?r3383_-_trunk/bulmage?==?iso-8859-1?q?s/…?=`, "
            + "bulmages-main-pipermail) and some clients glue adjacent words (`?==?`). The words are the author's "
            + "subject; every mail client decodes them, and so do we. mailparser shows the raw `=?…?=`. "
            + "Rule: mailparser's value still holds encoded words, and its text outside them appears, in order, in ours.",
            (_, _, ours, theirs) => OutsideEncodedWordsMatch(ours, theirs) ? Ours(ours) : null),

        new("references-comma-separated", [Field.References],
            "References ids separated by commas",
            "RFC 5322 §3.6.4 separates the msg-ids of References by CFWS only, but some clients write "
            + "`<a>, <b>` (bulmages-main-pipermail 2012–2014). mailparser splits on white space and keeps the "
            + "commas inside its ids (`<a>,`); we take the msg-ids. "
            + "Rule: mailparser's ids with trailing commas removed are ours.",
            (p, _, ours, _) => Normalise.Ids(p.Record.References.Select(r => r.TrimEnd(','))) == ours ? Ours(ours) : null),

        new("references-comment", [Field.References],
            "a comment in References taken for an id",
            "RFC 5322 §3.6.4 / §3.2.2: References is a list of msg-ids with CFWS between them, and a comment "
            + "`(…)` is white space. A mail filter appended `(sfid-20200813_163543_964296_7ACBB2FE)` to a References "
            + "field (ksummit-discuss-maildir); mailparser splits the field on white space and keeps the comment "
            + "as an id. Rule: mailparser's ids without those in parentheses are ours.",
            (p, _, ours, _) => p.Record.References.Any(r => r.StartsWith('('))
                && Normalise.Ids(p.Record.References.Where(r => !r.StartsWith('('))) == ours ? Ours(ours) : null),

        new("id-field-phrase", [Field.InReplyTo, Field.References],
            "words in In-Reply-To or References that are no msg-id",
            "RFC 5322 §3.6.4: `in-reply-to = 1*msg-id`, `references = 1*msg-id`; the obsolete syntax (§4.5.4) also "
            + "allows phrases, which identify nothing. Seen: only a phrase (`In-Reply-To: Your message at 19:02:12 on "
            + "Wednesday, 26 April 2006`, twisted-python-pipermail 2006-April), junk before the ids "
            + "(`References: ARRAY(0xa085dd8) <…>`, 2003-August; `0 <…>`, 2007-February), and References written in raw "
            + "UTF-7 (`+ADw-00ab01c132bb+ACQ-…+AD4-`, 2001-September). We keep only msg-ids; the reference dump "
            + "(dump.mjs) falls back to the words of mailparser's value when an item has no brackets, which gives "
            + "word \"ids\". Rule: mailparser's ids that do not occur as `<id>` in the field, once dropped, leave ours.",
            (p, field, ours, _) =>
            {
                if (p.Message.Headers[HeaderName(field)] is not { } v) return null;
                var ids = field == Field.InReplyTo ? p.Record.InReplyToIds : p.Record.References;
                var kept = ids.Where(i => v.Contains("<" + i + ">", StringComparison.Ordinal)).ToList();
                return kept.Count < ids.Count && Normalise.Ids(kept) == ours ? Ours(ours) : null;
            }),

        new("folded-msg-id", [Field.MessageId, Field.InReplyTo, Field.References],
            "msg-id folded across lines",
            "RFC 5322 §3.6.4: a msg-id is `\"<\" id-left \"@\" id-right \">\"` with no white space inside; "
            + "Outlook and others folded long ids in the middle (`…KAAAAQ` CRLF TAB `AAAASj9…@markrichman.com>`, "
            + "twisted-python-pipermail 2002-August; `<200` CRLF TAB `20326035501.GA12101@twistedmatrix.com>`, "
            + "2002-March), and unfolding (§2.2.3) leaves the blank. We drop white space inside the brackets, which "
            + "gives the id the parent message carries; mailparser keeps it (or splits the id in two). "
            + "Rule: the field has white space inside `<…>` outside a quoted string, and the two agree with all white "
            + "space removed.",
            (p, field, ours, theirs) => p.Message.Headers[HeaderName(field)] is { } v && FoldedId().IsMatch(v)
                && ours.Replace(" ", "", StringComparison.Ordinal) == theirs.Replace(" ", "", StringComparison.Ordinal)
                ? Ours(ours) : null),

        new("date-zone-out-of-range", [Field.Date],
            "Date with an impossible zone offset",
            "RFC 5322 §3.3 gives the zone as `(\"+\" / \"-\") 4DIGIT` hours and minutes from UTC; real offsets lie "
            + "within −12:00…+14:00. HyperKitty keeps `Date: Tue, 30 Nov 1999 23:56:33 -3000 (CST)` as its "
            + "bad-date fixture (bad_date_tz.txt, bad_folding.txt): mailparser applies a 30-hour offset and moves "
            + "the message two days; we read the clock time as UTC and report `date-bad-zone`. "
            + "Rule: the Date field's numeric zone has more than 14 hours or more than 59 minutes.",
            (p, _, ours, _) => p.Message.Headers["Date"] is { } d && ZoneOutOfRange(d) ? Ours(ours) : null),

        new("date-without-year", [Field.Date],
            "Date without a year",
            "RFC 5322 §3.3: `date = day month year`. A Date such as `Thu Jan 01 00:00:10 +0000` (notmuch "
            + "attachment/text-calendar.eml) has no year; JavaScript's Date fills in 2001, we report `date-invalid`. "
            + "Rule: we have no date, mailparser has one, and the field has no number of 2 or 4 digits other than the time and zone.",
            (p, _, ours, theirs) => ours.Length == 0 && theirs.Length > 0 && p.Message.Headers["Date"] is { } d && !HasYear(d)
                ? Ours(ours) : null),

        new("date-mailparser-rejects", [Field.Date],
            "obsolete or damaged Date that mailparser cannot read",
            "mailparser hands the field to JavaScript's `new Date()`, which rejects several forms RFC 5322 §4.3 "
            + "(obs-date-time) or everyday damage produce, e.g. a weekday in EUC-KR bytes and a numeric month "
            + "(`\\xbc\\xf6, 27 6 2001 15:23:36`, HyperKitty non-ascii-date-header.txt; 27 June 2001 was a "
            + "Wednesday, 수). It then substitutes the time of parsing. "
            + "Rule: mailparser has no date, ours has one, and our day of month, year and clock time all appear in the field.",
            (p, _, ours, theirs) => theirs.Length == 0 && ours.Length > 0 && p.Message.Date is { } our && p.Message.Headers["Date"] is { } d
                && ContainsDateParts(d, our) ? Ours(ours) : null),

        new("html-only-alternative", [Field.Text],
            "HTML body for which mailparser gives no text",
            "RFC 2046 §5.1.4: each part of a multipart/alternative is the whole body in another form, so an "
            + "alternative holding only text/html is the message's body. mailparser renders HTML to text only "
            + "when the HTML part is the message root (or next to a text part outside an alternative; "
            + "mail-parser.js getTextContent), so for an alternative holding only HTML (HyperKitty html-email-2.txt, "
            + "unknown-charset.txt) and for an inline HTML root with a file name (notmuch html/attribute-text; "
            + "RFC 2183 §2.1: `inline` means shown with the message) its `text` is empty; we convert the HTML. "
            + "Rule: our body came from HTML and mailparser's text is empty.",
            (p, _, ours, theirs) => p.Message.GetBody().IsFromHtml && theirs.Length == 0 ? Ours(ours) : null),

        new("multipart-without-boundary", [Field.Text],
            "multipart without a boundary read as text",
            "RFC 2046 §5.1.1 makes the boundary parameter mandatory; a multipart without one cannot be split. "
            + "We read such a body as one text part (src/ListArchive.Mail/Mime/README.md, `mime-missing-boundary`) "
            + "so nothing the sender wrote is hidden; mailparser drops it. HyperKitty keeps such a message as a "
            + "fixture (unicode_issue.txt, `multipart/form-data` with no boundary). "
            + "Rule: the root is multipart with no boundary parameter and mailparser's text is empty.",
            (p, _, ours, theirs) => p.Message.Body.ContentType.IsMultipart && p.Message.Body.ContentType.Parameters["boundary"] is null
                && theirs.Length == 0 ? Ours(ours) : null),

        new("html-to-text", [Field.Text],
            "HTML-only message: the two HTML-to-text converters agree on the words",
            "Both sides convert HTML when a message has no text/plain part, with different layout rules "
            + "(mailparser's html-to-text writes links as `text [url]`, upper-cases headings, wraps lines). "
            + "The comparison of words is what matters for an archive. "
            + "Rule: our body came from HTML, and the two texts have the same letters and digits in the same order "
            + "once html-to-text's bracketed link URLs are removed.",
            (p, _, ours, theirs) => p.Message.GetBody().IsFromHtml
                && TextRepairs.LettersAndDigits(ours) == TextRepairs.LettersAndDigits(TextRepairs.WithoutBracketedUrls(theirs))
                ? Ours(ours) : null),
    ];

    /// <summary>
    /// The class of a disagreement (null: unexplained) and the values left after every applicable
    /// repair, which show what no class explains.
    /// </summary>
    public static (string? Class, string Ours, string Theirs) Classify(MessagePair pair, Field field)
    {
        string ours = pair.Ours[field], theirs = pair.Theirs[field];
        string? first = null;
        foreach (var c in All)
        {
            if (!c.Fields.Contains(field)) continue;
            if (c.Repair(pair, field, ours, theirs) is not { } r || (r.Ours == ours && r.Theirs == theirs)) continue;
            first ??= c.Id;
            (ours, theirs) = r;
            if (string.Equals(ours, theirs, StringComparison.Ordinal)) return (first, ours, theirs);
        }
        return (null, ours, theirs);
    }

    private static bool OutsideEncodedWordsMatch(string ours, string theirs)
    {
        var pieces = EncodedWord().Split(theirs);
        if (pieces.Length < 2) return false;
        int at = 0;
        for (int i = 0; i < pieces.Length; i++)
        {
            var piece = pieces[i].Trim();
            int found = ours.IndexOf(piece, at, StringComparison.Ordinal);
            if (found < 0 || (i == 0 && found != 0)) return false;
            at = found + piece.Length;
        }
        return true;
    }

    private static string HeaderName(Field field) => field switch
    {
        Field.MessageId => "Message-ID",
        Field.InReplyTo => "In-Reply-To",
        _ => "References",
    };

    [GeneratedRegex(@"<[^<>\s""]*\s+[^<>""]*>")]
    private static partial Regex FoldedId();

    [GeneratedRegex(@"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")]
    private static partial Regex EncodedWord();

    private static IEnumerable<MimeEntity> InlineOtherTextParts(MimeEntity e)
    {
        if (e.Children.Count > 0)
        {
            foreach (var c in e.Children)
            foreach (var x in InlineOtherTextParts(c))
                yield return x;
            yield break;
        }
        var ct = e.ContentType;
        if (ct.MediaType == "text" && ct.MediaSubtype is not ("plain" or "html") && !e.IsAttachment && e.Message is null)
            yield return e;
    }

    private static bool HasFlowedPart(MimeEntity e) =>
        e.Children.Count > 0
            ? e.Children.Any(HasFlowedPart)
            : e.ContentType.Is("text", "plain") && string.Equals(e.ContentType.Parameters["format"], "flowed", StringComparison.OrdinalIgnoreCase);

    private static bool ZoneOutOfRange(string date)
    {
        var m = NumericZone().Match(date);
        if (!m.Success) return false;
        int hh = int.Parse(m.Groups[1].Value), mm = int.Parse(m.Groups[2].Value);
        return hh > 14 || mm > 59;
    }

    [GeneratedRegex(@"\d\d:\d\d(?::\d\d)?\s*[+-](\d\d)(\d\d)\b")]
    private static partial Regex NumericZone();

    private static bool HasYear(string date)
    {
        // Besides the time and zone, a dated field has a day and a year: two numbers, or one of 4 digits.
        var numbers = Numbers().Matches(TimeAndZone().Replace(date, " "));
        return numbers.Count >= 2 || numbers.Any(m => m.Length == 4);
    }

    [GeneratedRegex(@"\d{1,2}:\d\d(?::\d\d)?(?:\s*[+-]\d{4})?")]
    private static partial Regex TimeAndZone();

    [GeneratedRegex(@"\b\d+\b")]
    private static partial Regex Numbers();

    private static bool ContainsDateParts(string field, DateTimeOffset ours)
    {
        // The clock time as written (before any zone shift) must be in the field, with the day and the year.
        var local = ours.DateTime;
        return field.Contains(local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
               && Regex.IsMatch(field, $@"\b0?{local.Day}\b")
               && (field.Contains(local.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                   || Regex.IsMatch(field, $@"\b{local.Year % 100:00}\b"));
    }
}
