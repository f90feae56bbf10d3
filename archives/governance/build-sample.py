#!/usr/bin/env python3
"""Build the Governance-list sample archive from the seeds in ../shared/seeds.

Run from anywhere: python3 archives/governance/build-sample.py [--check]
(--check rebuilds into a temporary folder and fails if the committed files differ.)
It rewrites, deterministically (no clock, no randomness):
  archives/governance/2021-March.txt        pipermail month archive (seeds 000/001)
  archives/governance/2024-June.txt         pipermail month archive (seeds 003/004; constructed posts)
  archives/governance/delivered/*.eml       one message as Mailman delivered it (DMARC "via" rewrite)
  archives/governance/documents/*           reference documents + documents.json
What is verbatim and what is constructed is described in archives/governance/README.md.
"""
import hashlib
import json
import pathlib
import re
import urllib.parse
from datetime import datetime, timedelta, timezone

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
SEEDS = REPO.parent / "shared" / "seeds"

LIST_ADDR = "governance@lists.igcaucus.org"
LIST_NAME = "Governance"
ARCHIVE_URL = "https://lists.igcaucus.org/pipermail/governance"


def seed(prefix: str) -> bytes:
    found = sorted(SEEDS.glob(prefix + "_*.txt"))
    if len(found) != 1:
        raise SystemExit(f"seed {prefix}_* not found (once) in {SEEDS}")
    return found[0].read_bytes()


def seed_name(prefix: str) -> str:
    return sorted(SEEDS.glob(prefix + "_*.txt"))[0].name


# ------------------------------------------------------------------ dates
# The list server's clock is US Eastern (EST/EDT). Pipermail's From_ line is
# time.ctime() of the message date in the server's local time, so it changes offset at
# the DST switch (14 March 2021, 2:00 local). Check: parminder's "2:15 pm" IST on
# 5 March 2021 = 08:45 UTC = 03:45 EST, the From_ time given for that post.
def us_eastern(utc: datetime) -> datetime:
    year = utc.year
    # second Sunday in March 2:00 EST (07:00 UTC) .. first Sunday in November 2:00 EDT (06:00 UTC)
    march = datetime(year, 3, 8, 7, tzinfo=timezone.utc)
    start = march + timedelta(days=(6 - march.weekday()) % 7)
    nov = datetime(year, 11, 1, 6, tzinfo=timezone.utc)
    end = nov + timedelta(days=(6 - nov.weekday()) % 7)
    offset = -4 if start <= utc < end else -5
    return utc.astimezone(timezone(timedelta(hours=offset)))


def ctime(d: datetime) -> str:
    # time.ctime(): day of month padded with a space, e.g. "Fri Mar  5 03:45:11 2021"
    return d.strftime("%a %b ") + f"{d.day:2d}" + d.strftime(" %H:%M:%S %Y")


def rfc5322_date(d: datetime, zero_pad_day: bool = False) -> str:
    off = d.utcoffset()
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    day = f"{d.day:02d}" if zero_pad_day else str(d.day)
    return d.strftime("%a, ") + day + d.strftime(" %b %Y %H:%M:%S ") + f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


# ------------------------------------------------------------------ ids
def hexof(label: str, n: int) -> str:
    return hashlib.sha256(label.encode()).hexdigest()[:n]


def thunderbird_id(label: str, domain: str) -> str:
    h = hexof(label, 32)
    return f"<{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}@{domain}>"


def outlook_id(label: str, server: str, region: str) -> str:
    return f"<{server}{hexof(label, 25).upper()}@{server}.{region}.prod.outlook.com>"


def gmail_id(label: str) -> str:
    h = hashlib.sha256(label.encode()).digest()
    import base64
    body = base64.urlsafe_b64encode(h + h[:12]).decode().rstrip("=")
    return f"<CA{body[:49]}@mail.gmail.com>"


def apple_id(label: str, domain: str) -> str:
    h = hexof(label, 32).upper()
    return f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}@{domain}>"


def attachments_dir(message_id: str, date: datetime) -> str:
    # Mailman 2.1 Scrubber: attachments/YYYYMMDD/<sha1(Message-ID)[:4] + [-4:]>, the date
    # taken from the Date: header (checked against twisted-python-pipermail/2021-April.txt.gz).
    digest = hashlib.sha1(message_id.encode()).hexdigest()
    return f"{ARCHIVE_URL}/attachments/{date.strftime('%Y%m%d')}/{digest[:4]}{digest[-4:]}"


# ------------------------------------------------------------------ text transforms
SAFELINK = re.compile(r"<https://nam12\.safelinks\.protection\.outlook\.com/\?url=([^&>]+)&[^>]*>")
MAILTO = re.compile(r"<mailto:[^>]*>")


def thunderbird_plain_links(text: str) -> str:
    """Undo what Milton's mailbox did to parminder's links and print them the way
    Thunderbird's HTML→plain-text part does: a link whose text is its URL appears once;
    any other link is "text <url>"; a mailto link shows only its text."""
    def repl(m: re.Match) -> str:
        url = urllib.parse.unquote(m.group(1))
        before = text[: m.start()]
        return "" if before.endswith(url) else " <" + url + ">"
    text = SAFELINK.sub(repl, text)
    return MAILTO.sub("", text)


def stuff(line: str) -> str:
    # RFC 3676 section 4.4: space-stuff lines starting with space, ">" or "From ".
    return " " + line if line.startswith((" ", ">", "From ")) else line


def flow(paragraph: str, width: int = 72) -> list:
    """format=flowed lines of one paragraph (RFC 3676): greedy fill to `width` columns,
    every soft break keeps its trailing space; an over-long word (URL) stands alone."""
    lead = len(paragraph) - len(paragraph.lstrip(" "))
    words = paragraph[lead:].split(" ")
    words[0] = " " * lead + words[0]  # keep a paragraph's leading spaces on its first line
    lines, cur = [], ""
    for w in words:
        cand = w if cur == "" else cur + " " + w
        if cur != "" and len(cand) > width:
            lines.append(cur + " ")
            cur = w
        else:
            cur = cand
    lines.append(cur)
    return lines


def thunderbird_flowed(text: str, width: int = 72, quote: str = "") -> str:
    out = []
    for para in text.split("\n"):
        if para == "":
            out.append(quote.rstrip() if quote else "")
            continue
        for ln in flow(para, width - len(quote)):
            out.append(quote + stuff(ln) if not quote else quote + ln)
    return "\n".join(out)


def hard_wrap(text: str, width: int) -> str:
    """Gmail-style plain part: hard line breaks at `width`, no trailing spaces."""
    out = []
    for para in text.split("\n"):
        if para == "":
            out.append("")
            continue
        out.extend(ln.rstrip(" ") for ln in flow(para, width))
    return "\n".join(out)


def deobfuscate(text: str) -> str:
    # the seed was taken from pipermail, which had written the one address as "x at y"
    return text.replace("secretariat at justnetcoalition.org", "secretariat@justnetcoalition.org")


def obfuscate(body: str) -> str:
    # pipermail (ARCHIVER_OBSCURES_EMAILADDRS): the same pattern HyperArch applies to bodies
    return re.sub(r"([-+,.\w]+)@([-+.\w]+)", r"\1 at \2", body)


def fold_subject(subject: str, limit: int = 76) -> str:
    """Mailman's Header() folding of a long prefixed Subject, as pipermail stores it
    (twisted-python-pipermail/2021-March.txt.gz: 'Subject: [Twisted-Python] Developer docs
    should be updated on wiki when\\n steps changed in code?')."""
    lines, cur = [], "Subject:"
    for w in subject.split(" "):
        if len(cur) + 1 + len(w) > limit and cur not in ("Subject:",):
            lines.append(cur)
            cur = " " + w
        else:
            cur = cur + " " + w
    lines.append(cur)
    return "\n".join(lines)


HTML_SCRUBBED = "-------------- next part --------------\nAn HTML attachment was scrubbed...\nURL: <{url}>\n"
NONTEXT_SCRUBBED = ("-------------- next part --------------\nA non-text attachment was scrubbed...\n"
                    "Name: {name}\nType: {ctype}\nSize: {size} bytes\nDesc: not available\nURL: <{url}>\n")


def pipermail_message(*, email, author, date, subject, message_id, body,
                      in_reply_to=None, references=None) -> str:
    """One message as Mailman 2.1's HyperArch Article.as_text() writes it: From_ line,
    the header subset From/Date/Subject/In-Reply-To/References/Message-ID, a blank line,
    the body, and one more newline."""
    utc = date.astimezone(timezone.utc)
    ob_email = email.replace("@", " at ")
    head = [f"From {ob_email}  {ctime(us_eastern(utc))}",
            f"From: {ob_email} ({author})",
            f"Date: {rfc5322_date(date)}",
            fold_subject(subject)]
    if in_reply_to:
        head.append(f"In-Reply-To: {in_reply_to}")
    if references:
        head.append("References: " + "\n ".join(references))
    head.append(f"Message-ID: {message_id}")
    return "\n".join(head) + "\n\n" + body + "\n"


# ------------------------------------------------------------------ seed 001 split
def split_001(raw: bytes):
    text = raw.decode("ascii")
    lines = text.split("\n")
    start2 = lines.index("The open letter was sent to the official consultation process, signed by more than 170 organisations.")
    attrib = lines.index("On 05/03/21 2:15 pm, parminder via Governance wrote:")
    milton_own = "\n".join(lines[:start2])
    p2 = "\n".join(lines[start2:attrib]).rstrip("\n")
    p1 = "\n".join(lines[attrib + 2:]).rstrip("\n")
    return text, milton_own, p2, lines[attrib], p1


def build_march(out: pathlib.Path):
    raw001 = seed("001")
    milton_body, _milton_own, p2_outlook, attribution, p1_outlook = split_001(raw001)

    ist = timezone(timedelta(hours=5, minutes=30))
    d1 = datetime(2021, 3, 5, 14, 15, 11, tzinfo=ist)
    # Safe Links stamped parminder's follow-up for Milton at 2021-03-13 05:31:32 UTC
    # (the .NET ticks 637512102923889975 in its data= parameter); sent 18 s earlier.
    d2 = datetime(2021, 3, 13, 11, 1, 14, tzinfo=ist)
    d3 = datetime(2021, 3, 15, 15, 47, 36, tzinfo=timezone.utc)  # Exchange Online writes +0000

    id1 = thunderbird_id("governance-2021-03-05-parminder", "itforchange.net")
    id2 = thunderbird_id("governance-2021-03-13-parminder", "itforchange.net")
    id3 = outlook_id("governance-2021-03-15-mueller", "BL0PR07MB5489", "namprd07")

    subject = ("[Governance] Open letter to UN SG: Civil Society Groups Oppose Plans for a "
               "Big Tech Dominated Body for Global Digital Governance")

    p1_plain = thunderbird_flowed(thunderbird_plain_links(p1_outlook))
    p2_plain_own = thunderbird_flowed(thunderbird_plain_links(p2_outlook))
    p1_quoted = thunderbird_flowed(thunderbird_plain_links(p1_outlook), quote="> ")
    p2_plain = p2_plain_own + "\n\n" + attribution + "\n" + p1_quoted + "\n"

    att1 = attachments_dir(id1, d1)
    att2 = attachments_dir(id2, d2)
    body1 = (obfuscate(p1_plain) + "\n\n" + HTML_SCRUBBED.format(url=att1 + "/attachment.htm")
             + NONTEXT_SCRUBBED.format(name="big-tech-governing-big-tech.pdf", ctype="application/pdf",
                                       size=184313, url=att1 + "/attachment.pdf"))
    body2 = obfuscate(p2_plain) + "\n" + HTML_SCRUBBED.format(url=att2 + "/attachment.htm")
    body3 = milton_body  # verbatim seed 001 (already pipermail-obfuscated, ends "\n\n")

    campaign = build_campaign(d1, id1)
    msgs = [
        pipermail_message(email="parminder@itforchange.net", author="parminder", date=d1,
                          subject=subject, message_id=id1, body=body1),
        *campaign["texts"],
        pipermail_message(email="parminder@itforchange.net", author="parminder", date=d2,
                          subject=subject, message_id=id2, body=body2,
                          in_reply_to=id1, references=[id1]),
        pipermail_message(email="milton@gatech.edu", author="Mueller, Milton L", date=d3,
                          subject=subject, message_id=id3, body=body3,
                          in_reply_to=id2, references=[id1, id2]),
    ]
    (out / "2021-March.txt").write_bytes("".join(msgs).encode("utf-8"))

    # ------------------------------------------------ delivered copy of message 2
    build_delivered(out, d2, id1, id2, subject, p2_plain, p2_outlook, attribution, p1_outlook)
    return {"ids": [id1, id2, id3], "subject": subject, "campaign": campaign}


def html_paragraphs(outlook_text: str) -> str:
    """A minimal Thunderbird-like HTML rendering of one message's paragraphs (links as
    <a href>, text otherwise escaped)."""
    import html
    def link(m):
        url = urllib.parse.unquote(m.group(1))
        return "\x00" + url + "\x01"
    t = SAFELINK.sub(link, deobfuscate(outlook_text))
    t = MAILTO.sub("", t)
    parts = []
    for para in t.split("\n"):
        if para == "":
            continue  # paragraphs are <p> elements; Outlook printed each as a blank-line block
        esc = html.escape(para, quote=False)
        # a URL printed as its own link text stays one anchor; otherwise the anchor is
        # the word(s) right before the link, as Outlook printed them
        def anchor(m):
            word, url = m.group(1), m.group(2)
            href = html.escape(url)
            if word.endswith(url):  # the URL is its own link text
                return word[: -len(url)] + f'<a href="{href}" class="moz-txt-link-freetext">{href}</a>'
            # Outlook printed "text<url>": the anchor text is at least the word before the
            # link (its start is not recoverable from the seed), so the last word is used.
            return f'<a href="{href}">{word}</a>'
        esc = re.sub(r"(\S*)\x00([^\x01]+)\x01", anchor, esc)
        esc = re.sub(r"([\w.]+@[\w.]+\w)", r'<a href="mailto:\1" class="moz-txt-link-abbreviated">\1</a>', esc)
        parts.append(f"<p>{esc}</p>")
    return "\n".join(parts)


def build_delivered(out, d2, id1, id2, subject, p2_plain, p2_outlook, attribution, p1_outlook):
    """parminder's follow-up as Mailman 2.1 delivered it to members: From: munged to
    "parminder via Governance" (DMARC mitigation, from_is_list = Munge From), the original
    From: moved to Reply-To: (reply_goes_to_list = poster), RFC 2369 List-* headers, and
    the footer added by wrapping the multipart/alternative in a multipart/mixed."""
    ib = "===============" + str(int(hexof("boundary-outer", 16), 16) % 10**19).zfill(19) + "=="
    ab = "------------" + hexof("boundary-alt", 24).upper()
    plain_unobfuscated = deobfuscate(p2_plain)  # delivered mail is not obfuscated
    html_own = html_paragraphs(p2_outlook)
    html_quoted = html_paragraphs(p1_outlook)
    html_part = (
        "<html>\n  <head>\n    <meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">\n"
        "  </head>\n  <body>\n" + html_own + "\n"
        f"    <div class=\"moz-cite-prefix\">{attribution}<br>\n    </div>\n"
        f"    <blockquote type=\"cite\" cite=\"mid:{id1[1:-1]}\">\n" + html_quoted +
        "\n    </blockquote>\n  </body>\n</html>\n")
    footer = ("_______________________________________________\n"
              "Governance mailing list\n"
              "Governance@lists.igcaucus.org\n"
              "https://lists.igcaucus.org/mailman/listinfo/governance\n")
    sender = "governance-bounces@lists.igcaucus.org"
    msg = (
        f"Return-Path: <{sender}>\n"
        + fold_subject("Re: " + subject) + "\n"
        f"To: {LIST_ADDR}\n"
        f"References: {id1}\n"
        f"Message-ID: {id2}\n"
        f"Date: {rfc5322_date(d2)}\n"
        "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:78.0) Gecko/20100101\n"
        " Thunderbird/78.8.0\n"
        "MIME-Version: 1.0\n"
        f"In-Reply-To: {id1}\n"
        "Content-Language: en-US\n"
        "X-BeenThere: governance@lists.igcaucus.org\n"
        "X-Mailman-Version: 2.1.34\n"
        "Precedence: list\n"
        "List-Id: <governance.lists.igcaucus.org>\n"
        "List-Unsubscribe: <https://lists.igcaucus.org/mailman/options/governance>,\n"
        " <mailto:governance-request@lists.igcaucus.org?subject=unsubscribe>\n"
        "List-Archive: <https://lists.igcaucus.org/pipermail/governance/>\n"
        "List-Post: <mailto:governance@lists.igcaucus.org>\n"
        "List-Help: <mailto:governance-request@lists.igcaucus.org?subject=help>\n"
        "List-Subscribe: <https://lists.igcaucus.org/mailman/listinfo/governance>,\n"
        " <mailto:governance-request@lists.igcaucus.org?subject=subscribe>\n"
        f"From: parminder via {LIST_NAME} <{LIST_ADDR}>\n"
        "Reply-To: parminder <parminder@itforchange.net>\n"
        f"Content-Type: multipart/mixed; boundary=\"{ib}\"\n"
        f"Errors-To: {sender}\n"
        f"Sender: \"{LIST_NAME}\" <{sender}>\n"
        "\n"
        f"--{ib}\n"
        f"Content-Type: multipart/alternative; boundary=\"{ab}\"\n"
        "\n"
        "This is a multi-part message in MIME format.\n"
        f"--{ab}\n"
        "Content-Type: text/plain; charset=utf-8; format=flowed\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n"
        + plain_unobfuscated + "\n"
        f"--{ab}\n"
        "Content-Type: text/html; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n"
        + html_part + "\n"
        f"--{ab}--\n"
        "\n"
        f"--{ib}\n"
        "Content-Type: text/plain; charset=\"us-ascii\"\n"
        "MIME-Version: 1.0\n"
        "Content-Transfer-Encoding: 7bit\n"
        "Content-Disposition: inline\n"
        "\n"
        + footer +
        f"--{ib}--\n")
    d = out / "delivered"
    d.mkdir(exist_ok=True)
    (d / "2021-03-13-parminder-via-governance.eml").write_bytes(msg.encode("utf-8"))


# ------------------------------------------------------------------ June 2024 (constructed)
def build_june(out: pathlib.Path):
    t003 = seed("003").decode("utf-8")
    t004 = seed("004").decode("utf-8")
    cest = timezone(timedelta(hours=2))
    bst = timezone(timedelta(hours=1))
    da = datetime(2024, 6, 3, 10, 12, 45, tzinfo=cest)
    db = datetime(2024, 6, 4, 16, 40, 2, tzinfo=bst)
    ida = gmail_id("governance-2024-06-03-ana")
    idb = apple_id("governance-2024-06-04-sam", "example.net")

    # Message A: a (fictitious) member shares the APC paper, full text pasted below a note.
    note_a = ("Dear all,\n\nFor those following the WSIS+20 review: APC has published the paper below "
              "in the GISWatch 2024 special edition. I paste the full text here for the list archive."
              "\n\nBest,\nAna\n\n")
    plain_a = hard_wrap(note_a + t003.rstrip("\n"), 76)
    att_a = attachments_dir(ida, da)
    body_a = obfuscate(plain_a) + "\n" + HTML_SCRUBBED.format(url=att_a + "/attachment.htm")

    # Message B: a second (fictitious) member answers, quoting A Apple-Mail style (">"
    # markers, attribution inside the quote, "via Governance" as received), and pastes
    # the session report of seed 004 up to its transcript.
    a_paras = [p for p in t003.split("\n") if p.strip()]
    quoted = ["> On 3 Jun 2024, at 10:12, Ana Exemplo via Governance <" + LIST_ADDR + "> wrote:",
              "> ",
              "> For those following the WSIS+20 review: APC has published the paper below in the GISWatch 2024 special edition.",
              "> ",
              "> " + a_paras[4],
              "> ",
              "> [\u2026]",
              ""]
    report = t004.split("\nSession transcript\n")[0].rstrip("\n")
    own_b = ("Thanks Ana. The same question came up at the WSIS+20 Forum High-Level Event last week. "
             "Here is the DiploAI report of the EU session on multistakeholder cooperation in the UN "
             "system, pasted as published (it is machine-generated, see its disclaimer):\n\n"
             + report + "\n\nSam\n")
    body_b = obfuscate("\n".join(quoted) + "\n" + own_b)

    subject = ("[Governance] APC paper for WSIS+20: multistakeholder approach and civil society "
               "participation")
    msgs = [
        pipermail_message(email="ana@example.org", author="Ana Exemplo", date=da, subject=subject,
                          message_id=ida, body=body_a),
        pipermail_message(email="sam@example.net", author="Sam Sample", date=db, subject=subject,
                          message_id=idb, body=body_b, in_reply_to=ida, references=[ida]),
    ]
    (out / "2024-June.txt").write_bytes("".join(msgs).encode("utf-8"))
    return [ida, idb]


# ------------------------------------------------------------------ constructed campaign (issue 8)
FORM_URL = "https://justnetcoalition.org/big-tech-governing-big-tech-form"  # from seed 001


def letter_paragraphs() -> list:
    """The letter of seed 000 from its title to the end of the signatory list (before Annex 1),
    as paragraphs: the PDF extraction's page-width lines joined, blank lines dropped."""
    lines = seed("000").decode("utf-8").split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("Civil Society Groups Oppose Plans"))
    end = next(i for i, l in enumerate(lines) if l.strip() == "Annex 1")
    paras, cur = [], []
    for line in lines[start:end]:
        text = line.strip()
        if not text:
            continue
        cur.append(text)
        # a paragraph ends where the extraction's line ends a sentence, or at a heading/list item
        if text.endswith((".", ":", "”", ")", ",")) or len(text) < 60:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return paras


def build_campaign(d1: datetime, id1: str) -> dict:
    """Constructed posts (issue 8): six fictitious members circulate the open letter of seed 000
    for sign-on in the two days after parminder's post, each with a personal line on top and
    small edits, and one fictitious member replies quoting one of them. None of these posts is
    real; the letter text is seed 000's."""
    paras = letter_paragraphs()
    letter = "\n\n".join(paras)
    utc = timezone.utc
    cet = timezone(timedelta(hours=1))
    senders = [
        # (label, email, name, date, subject, note on top, letter text, wrap width)
        ("lena", "lena@example.org", "Lena Beispiel", datetime(2021, 3, 5, 11, 2, 40, tzinfo=cet),
         "[Governance] Please endorse: open letter opposing a Big Tech dominated body",
         "Dear all,\n\nPlease consider endorsing the open letter below before the 7th of March. You can "
         "sign on by filling this form " + FORM_URL + " or by writing to the secretariat.\n\nLena\n\n",
         letter, 76),
        ("tomas", "tomas@example.net", "Tom\u00e1s Ejemplo", datetime(2021, 3, 5, 16, 30, 5, tzinfo=utc),
         "[Governance] Fwd: Civil Society Groups Oppose Plans for a Big Tech Dominated Body",
         "Our network has signed this letter; sharing it here in case your organisation wants to "
         "add its name. Form: " + FORM_URL + "\n\n",
         letter, 72),
        ("mari", "mari@example.com", "Mari Esimerkki", datetime(2021, 3, 6, 9, 14, 51, tzinfo=cet),
         "[Governance] Open letter to the UN SG - sign-on open until 7 March",
         "Hi everyone, forwarding for sign-on (I have trimmed the long list at the end):\n\n",
         # small edits: two words changed, the signatory list cut after six names
         "\n\n".join(paras[:-10]).replace("unthinkably", "incredibly").replace("rather eerie", "quite eerie"),
         78),
        ("kofi", "kofi@example.org", "Kofi Mfano", datetime(2021, 3, 6, 13, 45, 10, tzinfo=utc),
         "[Governance] Civil society open letter on the proposed High Level Multistakeholder Body",
         "Colleagues,\n\nI am not usually one for sign-on letters, but this one matters. The proposal "
         "for a body funded by the very companies it is supposed to oversee would undo years of work "
         "on enhanced cooperation, and the deadline is tomorrow. Please read the letter, and if you "
         "agree, add your organisation through the form: " + FORM_URL + "\n\nWarm regards,\nKofi\n\n",
         letter, 74),
        ("ines", "ines@example.net", "In\u00eas Exemplo", datetime(2021, 3, 6, 21, 3, 33, tzinfo=utc),
         "[Governance] Fwd: Open letter - Big Tech governing Big Tech",
         "FYI, text below.\n\n",
         # the first half only, and a pointer to the rest
         "\n\n".join(paras[: len(paras) // 2]) + "\n\n[...] Full text and form: " + FORM_URL,
         70),
        ("piotr", "piotr@example.com", "Piotr Przyk\u0142ad", datetime(2021, 3, 7, 8, 22, 19, tzinfo=cet),
         "[Governance] Last day to endorse the open letter to the Secretary General",
         "Today is the last day to endorse. Letter below, form at " + FORM_URL + "\n\n",
         letter.replace("Worse, the", "Even worse, the"),
         76),
    ]
    texts, ids = [], []
    for label, email, name, date, subject, note, text, width in senders:
        mid = gmail_id("governance-2021-03-campaign-" + label)
        ids.append(mid)
        texts.append(pipermail_message(email=email, author=name, date=date, subject=subject,
                                       message_id=mid, body=obfuscate(hard_wrap(note + text, width)) + "\n"))
    # A reply that quotes Lena's post ("> " markers) and disagrees in its own words: not a copy.
    reply_id = apple_id("governance-2021-03-campaign-reply", "example.org")
    quoted = ["On 5 Mar 2021, at 11:02, Lena Beispiel <lena at example.org> wrote:", ""]
    quoted += ["> " + l if l else ">" for l in hard_wrap("\n\n".join(paras[:4]), 72).split("\n")]
    own = ("I read the letter twice and I will not sign it. The Roadmap asks for a body that advises, "
           "not one that decides, and nothing in the options paper ties a seat to funding. We should "
           "argue about the text of the options paper, not about a caricature of it.\n\nAlex\n")
    reply = pipermail_message(email="alex@example.org", author="Alex Muster",
                              date=datetime(2021, 3, 5, 12, 40, 2, tzinfo=cet),
                              subject=senders[0][4], message_id=reply_id,
                              body=own + "\n" + "\n".join(quoted) + "\n",
                              in_reply_to=ids[0], references=[ids[0]])
    texts.insert(1, reply)
    return {"texts": texts, "ids": ids, "reply": reply_id}


# ------------------------------------------------------------------ documents
def build_documents(out: pathlib.Path):
    d = out / "documents"
    d.mkdir(exist_ok=True)
    docs = [
        {"id": "jnc-open-letter-2021-03",
         "title": "Civil Society Groups Oppose Plans for a Big Tech Dominated Body for Global Digital Governance",
         "author": "Just Net Coalition and 15 further civil society networks and organisations (16 signatories listed in the letter); circulated by parminder (IT for Change)",
         "organisation": "Just Net Coalition",
         "date": "2021-03-05",
         "date_note": "circulated on the list on 5 March 2021; open for endorsement until midnight PST of 7 March 2021 (both from the seeds)",
         "kind": "open letter (text extracted from the PDF)",
         "url": "https://justnetcoalition.org/big-tech-governing-big-tech.pdf",
         "url_source": "seed 001 (the link in parminder's posts, unwrapped from Safe Links)",
         "file": "open-letter-big-tech-governing-big-tech.txt", "seed": "000"},
        {"id": "igf-hlpdc-report-page-2019",
         "title": "Report of the UN Secretary-General\u2019s High-level Panel on Digital Cooperation",
         "author": "Internet Governance Forum secretariat (web page on the IGF legacy site) quoting the High-level Panel on Digital Cooperation",
         "organisation": "Internet Governance Forum (IGF)",
         "date": "2019-06-10",
         "date_note": "the Panel submitted the report on 10 June 2019 (stated on the page); the page itself is undated",
         "kind": "web page (consultation on Recommendation 5 / IGF Plus)",
         "url": None,
         "url_source": "the seed gives no URL for this page",
         "file": "igf-hlpdc-report-consultation.txt", "seed": "002"},
        {"id": "apc-giswatch-2024-wsis20-multistakeholder",
         "title": "Cornerstone, Achilles heel or \u201cfake news\u201d? WSIS and the role of the multistakeholder approach in empowering civil society\u2019s participation in internet governance",
         "author": "APC, Senior Advisor on Internet Governance (the seed names the position, not the person)",
         "organisation": "Association for Progressive Communications (APC)",
         "date": "2024",
         "date_note": "published in Global Information Society Watch 2024 Special edition: WSIS+20 (ISBN 978-92-95113-67-1); no day given",
         "kind": "report chapter (web page text)",
         "url": None,
         "url_source": "the seed gives no URL",
         "file": "apc-giswatch-2024-wsis20-multistakeholder.txt", "seed": "003"},
        {"id": "diplo-wsis20-2024-unlocking-multistakeholder-cooperation",
         "title": "Unlocking Multistakeholder Cooperation within the UN System: Global Partnerships for Open Internet",
         "author": "DiploAI (machine-generated session report and transcript, per the page's disclaimer)",
         "organisation": "DiploFoundation",
         "date": "2024-05-29",
         "date_note": "session of 29 May 2024, 15:00-15:45, WSIS+20 Forum High-Level Event (27-31 May 2024, Geneva and online)",
         "kind": "session report with transcript (web page text)",
         "url": None,
         "url_source": "the seed gives no URL",
         "file": "diplo-wsis20-2024-unlocking-multistakeholder-cooperation.txt", "seed": "004"},
    ]
    for doc in docs:
        raw = seed(doc["seed"])
        (d / doc["file"]).write_bytes(raw)  # verbatim copy of the seed
        doc["seed_file"] = seed_name(doc["seed"])
        doc["sha256"] = hashlib.sha256(raw).hexdigest()
        doc["bytes"] = len(raw)
        del doc["seed"]
    (d / "documents.json").write_text(json.dumps({"list": LIST_ADDR, "documents": docs},
                                                 indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def build_expected(out: pathlib.Path, march: dict, june: list):
    """Ground truth for tests and evaluation harnesses: the threads, and who wrote which
    lines of Milton's body (1-based line numbers of the body = of seed 001)."""
    id1, id2, id3 = march["ids"]
    ida, idb = june
    lines = seed("001").decode("ascii").split("\n")
    letter_line = lines.index(next(l for l in lines if l.startswith("Not only in developing countries"))) + 1
    expected = {
        "note": "Generated by build-sample.py. Line numbers are 1-based within the message body "
                "(the text after the blank line that ends the pipermail headers).",
        "threads": [
            {"file": "2021-March.txt", "root": id1,
             "edges": [{"child": id2, "parent": id1, "why": "in-reply-to"},
                       {"child": id3, "parent": id2, "why": "in-reply-to"}]},
            *[{"file": "2021-March.txt", "root": cid, "edges": []} for cid in march["campaign"]["ids"][1:]],
            {"file": "2021-March.txt", "root": march["campaign"]["ids"][0],
             "edges": [{"child": march["campaign"]["reply"], "parent": march["campaign"]["ids"][0], "why": "in-reply-to"}]},
            {"file": "2024-June.txt", "root": ida,
             "edges": [{"child": idb, "parent": ida, "why": "in-reply-to"}]},
        ],
        "campaigns": [
            {"note": "constructed (issue 8): six fictitious members circulate the open letter of seed 000 for sign-on; "
                     "one fictitious reply quotes it and is not a copy",
             "origin_document": "jnc-open-letter-2021-03",
             "members": march["campaign"]["ids"],
             "not_members": [march["campaign"]["reply"], id1, id2, id3],
             "flagged": True},
        ],
        "messages": {
            id1: {"author": "parminder@itforchange.net", "client": "Thunderbird (HTML + plain, format=flowed)",
                  "quotes": [{"text_starts": "Not only in developing countries", "origin_document": "jnc-open-letter-2021-03",
                              "markers": "none (introduced by 'Quoting from the letter:')"}]},
            id2: {"author": "parminder@itforchange.net", "client": "Thunderbird (HTML + plain, format=flowed)",
                  "quotes": [{"origin_message": id1, "markers": "> ",
                              "attribution": "On 05/03/21 2:15 pm, parminder via Governance wrote:"}]},
            id3: {"author": "milton@gatech.edu", "client": "Outlook (Microsoft 365), plain text, Safe Links",
                  "segments": [
                      {"lines": [1, 20], "kind": "own", "author": "milton@gatech.edu"},
                      {"lines": [22, 44], "kind": "quote", "markers": "none", "attribution": None,
                       "origin_message": id2, "author": "parminder@itforchange.net"},
                      {"lines": [46, 46], "kind": "attribution", "names": "parminder via Governance",
                       "date_as_written": "05/03/21 2:15 pm", "refers_to": id1},
                      {"lines": [48, 67], "kind": "quote", "markers": "none", "depth": 2,
                       "origin_message": id1, "author": "parminder@itforchange.net",
                       "via": [id2]},
                      {"lines": [letter_line, letter_line], "kind": "quote", "markers": "none", "depth": 3,
                       "origin_document": "jnc-open-letter-2021-03", "via": [id1, id2],
                       "note": "paragraph 1 of the open letter; the seed has straight quotes where the letter has \u2018 \u2019"},
                  ],
                  "safe_links": {"count": 6, "recipient": "milton@gatech.edu",
                                 "host": "nam12.safelinks.protection.outlook.com"}},
            ida: {"author": "ana@example.org", "client": "Gmail (plain part hard-wrapped at 76)",
                  "quotes": [{"text_starts": "Cornerstone, Achilles heel", "origin_document": "apc-giswatch-2024-wsis20-multistakeholder",
                              "markers": "none (pasted full text, re-wrapped)"}]},
            idb: {"author": "sam@example.net", "client": "Apple Mail (long lines, '> ' quotes)",
                  "quotes": [{"origin_message": ida, "markers": "> ",
                              "attribution": "On 3 Jun 2024, at 10:12, Ana Exemplo via Governance <governance at lists.igcaucus.org> wrote:"},
                             {"text_starts": "Unlocking Multistakeholder Cooperation", "origin_document": "diplo-wsis20-2024-unlocking-multistakeholder-cooperation",
                              "markers": "none (pasted, verbatim lines up to the transcript)"}]},
        },
    }
    (out / "expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


GENERATED = ["2021-March.txt", "2024-June.txt", "expected.json",
             "delivered/2021-03-13-parminder-via-governance.eml", "documents/documents.json",
             "documents/open-letter-big-tech-governing-big-tech.txt",
             "documents/igf-hlpdc-report-consultation.txt",
             "documents/apc-giswatch-2024-wsis20-multistakeholder.txt",
             "documents/diplo-wsis20-2024-unlocking-multistakeholder-cooperation.txt"]


def build(out: pathlib.Path):
    march = build_march(out)
    june = build_june(out)
    build_documents(out)
    build_expected(out, march, june)
    return march["ids"] + june


def main(argv):
    if "--check" in argv:
        # Rebuild into a temporary folder and compare with the committed files: fails when
        # the sample no longer matches the seeds or this builder.
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            build(pathlib.Path(tmp))
            bad = [f for f in GENERATED
                   if not (HERE / f).is_file() or (HERE / f).read_bytes() != (pathlib.Path(tmp) / f).read_bytes()]
        if bad:
            print("out of date (run build-sample.py):", *bad, sep="\n  ")
            return 1
        print(f"ok: {len(GENERATED)} files match the seeds")
        return 0
    ids = build(HERE)
    print("Message-IDs:", *ids, sep="\n  ")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv[1:]))
