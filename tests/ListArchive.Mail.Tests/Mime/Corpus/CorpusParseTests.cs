using System.Text;
using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime.Corpus;

/// <summary>
/// Every message of the real corpora parses, and the fields a threader needs come out wherever the
/// header exists. Failures name the file and message index, never the body.
/// </summary>
public sealed class CorpusParseTests
{
    private static List<string> CheckFields(IEnumerable<(string File, byte[] Message)> messages, out int count)
    {
        var failures = new List<string>();
        count = 0;
        foreach (var (file, bytes) in messages)
        {
            int index = count++;
            var m = MimeMessage.Parse(bytes);
            if (m.Headers.Count == 0) failures.Add($"{file}#{index}: no headers");
            if (m.Headers.Contains("Message-ID") && m.MessageId is null) failures.Add($"{file}#{index}: Message-ID {m.Headers["Message-ID"]}");
            if (m.Headers.Contains("From") && (m.From.Count == 0 || !m.From[0].Address.Contains('@'))) failures.Add($"{file}#{index}: From {m.Headers["From"]}");
            if (m.Headers.Contains("Date") && m.Date is null) failures.Add($"{file}#{index}: Date {m.Headers["Date"]}");
            if (m.Headers.Contains("Subject") && m.Subject is null) failures.Add($"{file}#{index}: Subject");
            _ = m.GetBody();
        }
        return failures;
    }

    [Theory]
    [InlineData("twisted-python-pipermail", 65_000)]
    [InlineData("bulmages-main-pipermail", 7_835)]
    [InlineData("gpt-usuarios-pipermail", 856)]
    [InlineData("arin-issued-pipermail", 6_256)]
    [InlineData("clearwater-pipermail", 1_800)]
    public void PipermailMessagesHaveIdFromDate(string folder, int atLeast)
    {
        var failures = CheckFields(MimeCorpus.Pipermail(folder), out int count);
        Assert.True(count >= atLeast, $"only {count} messages split from {folder}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void KsummitMaildirMessagesHaveIdFromDate()
    {
        var failures = CheckFields(MimeCorpus.Maildir("ksummit-discuss-maildir/new"), out int count);
        Assert.Equal(759, count);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void UsrpMboxrdMessagesHaveIdFromDateAndListHeaders()
    {
        var messages = MimeCorpus.Mboxrd("usrp-users-mboxrd/usrp-users-2021-H1.mboxrd.gz").ToList();
        Assert.Equal(1306, messages.Count);
        var failures = CheckFields(messages.Select((m, i) => ($"usrp#{i}", m)), out _);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.All(messages.Select(b => MimeMessage.Parse(b)).Where(m => m.Headers.Contains("List-Id")),
            m => Assert.Equal("usrp-users.lists.ettus.com", m.ListId));
    }

    [Fact]
    public void HyperkittyFixturesHaveIdFromDate()
    {
        var files = Directory.GetFiles(MimeCorpus.Path("hyperkitty-testdata"), "*.txt", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("non-ascii-headers.txt", StringComparison.Ordinal));
        var failures = CheckFields(files.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))), out int count);
        Assert.Equal(33, count);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Theory]
    [InlineData("3GPP_MENTORING.mbox", 27)]
    [InlineData("3GPP_TSG_RAN_WG4_NR-MIMO-OTA.mbox", 59)]
    [InlineData("3GPP_TSG_SA_WG4_EVS.mbox", 50)]
    public void Bigbang3gppListservExports(string file, int expected)
    {
        // LISTSERV exports: lower-case field names, censored addresses, Message-IDs without brackets.
        var data = File.ReadAllBytes(MimeCorpus.Path("bigbang-testdata", file));
        var text = Encoding.Latin1.GetString(data);
        var starts = new List<int>();
        for (int i = text.IndexOf("From MAILER-DAEMON ", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\nFrom MAILER-DAEMON ", i + 1, StringComparison.Ordinal))
            starts.Add(text[i] == '\n' ? i + 1 : i);
        Assert.Equal(expected, starts.Count);
        int withText = 0;
        for (int k = 0; k < starts.Count; k++)
        {
            int end = k + 1 < starts.Count ? starts[k + 1] : data.Length;
            var m = MimeMessage.Parse(data[starts[k]..end]);
            if (m.Headers.Contains("subject")) Assert.NotNull(m.Subject);
            if (m.Headers.Contains("date")) Assert.NotNull(m.Date);
            if (m.Headers.Contains("message-id")) Assert.NotNull(m.MessageId);
            // Addresses are either real or censored ("<[log in to unmask]>": name kept, address empty).
            if (m.Headers.Contains("from")) Assert.True(Assert.Single(m.From) is { } a && (a.Address.Contains('@') || a is { Address: "", Name: not null }));
            // A few exported messages are genuinely empty (one-byte bodies).
            if (m.GetBody().Text.Trim().Length > 0) withText++;
        }
        Assert.True(withText >= expected * 8 / 10, $"{withText} of {expected} with text");
    }

    [Fact]
    public void NumpyDiscussionAsctimeDates()
    {
        // bigbang numpy-discussion pipermail: "Date: Thu Nov  1 11:19:12 2001" (asctime, no zone).
        var messages = TemporaryPipermailSplitter.Split(File.ReadAllBytes(MimeCorpus.Path("bigbang-testdata", "numpy-discussion-2001-November.txt")));
        Assert.Equal(164, messages.Count);
        Assert.All(messages.Select(b => MimeMessage.Parse(b)), m =>
        {
            Assert.Equal(2001, m.Date!.Value.Year);
            Assert.Equal(11, m.Date.Value.Month);
        });
    }

    [Fact]
    public void TwistedPythonDoubledArchiveHasTheDocumentedUniqueIds()
    {
        // README: every month up to 2021 holds each message twice; 33,242 unique Message-IDs overall.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, bytes) in MimeCorpus.Pipermail("twisted-python-pipermail"))
            if (MimeMessage.Parse(bytes).MessageId is { } id) ids.Add(id);
        Assert.InRange(ids.Count, 33_200, 33_242);
    }

    [Fact]
    public void BulmagesLatin1BodiesAreDetected()
    {
        // README: 5,533 bodies are Latin-1 (not valid UTF-8), undeclared.
        int latin1 = 0;
        foreach (var (_, bytes) in MimeCorpus.Pipermail("bulmages-main-pipermail"))
        {
            var body = MimeMessage.Parse(bytes).GetBody();
            if (body.Diagnostics.Any(d => d.Code == "charset-undeclared-8bit"))
            {
                latin1++;
                Assert.Equal("windows-1252", body.Charset);
            }
        }
        Assert.Equal(5533, latin1);
    }

    [Fact]
    public void GptUsuariosLatin1BodiesAreDetected()
    {
        // README: 848 of 856 bodies are ISO-8859-1 with no charset declaration.
        int latin1 = MimeCorpus.Pipermail("gpt-usuarios-pipermail")
            .Count(x => MimeMessage.Parse(x.Message).GetBody().Diagnostics.Any(d => d.Code == "charset-undeclared-8bit"));
        Assert.Equal(848, latin1);
    }

    [Theory]
    [InlineData("bulmages-main-pipermail")]
    [InlineData("gpt-usuarios-pipermail")]
    [InlineData("arin-issued-pipermail")]
    public void PipermailFromIsDeobfuscated(string folder)
    {
        foreach (var (file, bytes) in MimeCorpus.Pipermail(folder))
        {
            var from = Assert.Single(MimeMessage.Parse(bytes).From);
            Assert.True(from.Deobfuscated, $"{file}: {from}");
            Assert.Contains('@', from.Address);
        }
    }

    [Fact]
    public void Bulmages2008DecemberEncodedFoldedSubject()
    {
        // README: "Subject: =?utf-8?b?W0J1bG1hR8Opc10=?= =?iso-8859-1?q?Versi=F3n_Windows_de_?=" and a continuation line.
        var raw = "=?utf-8?b?W0J1bG1hR8Opc10=?= =?iso-8859-1?q?Versi=F3n_Windows_de_?="u8.ToArray();
        var hits = MimeCorpus.Pipermail("bulmages-main-pipermail")
            .Select(x => MimeMessage.Parse(x.Message))
            .Where(m => m.Headers.GetRawValue("Subject").IndexOf(raw) >= 0)
            .ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, m =>
        {
            Assert.StartsWith("[BulmaGés]Versión Windows de ", m.Subject);
            Assert.DoesNotContain("=?", m.Subject);
        });
    }

    [Fact]
    public void BulmagesSubjectsAreDecodedEvenWhenEncodedTwice()
    {
        // The svn/git commit bot's subjects were re-encoded by Mailman, some two or three times, and a
        // few of those were cut inside an escape ("=3 F"), which no decoder can repair.
        var left = MimeCorpus.Pipermail("bulmages-main-pipermail")
            .Select(x => (x.File, Subject: MimeMessage.Parse(x.Message).Subject))
            .Where(x => x.Subject is not null && x.Subject.Contains("?="))
            .ToList();
        Assert.True(left.Count <= 6, string.Join("\n", left.Take(10).Select(x => x.File)));
    }

    [Fact]
    public void ArinScrubbedAttachmentsAreAllRecognised()
    {
        // README: 3,926 "next part" blocks.
        int scrubbed = 0;
        foreach (var (file, bytes) in MimeCorpus.Pipermail("arin-issued-pipermail"))
        {
            var body = MimeMessage.Parse(bytes).GetBody();
            scrubbed += body.Attachments.Count(a => a.Scrubbed && a.Url is not null);
            Assert.DoesNotContain("was scrubbed...", body.Text);
        }
        Assert.Equal(3926, scrubbed);
    }

    [Theory]
    [InlineData("gpt-usuarios-pipermail")]
    [InlineData("bulmages-main-pipermail")]
    public void LocalisedScrubbedNotesAreRemoved(string folder)
    {
        int scrubbed = 0;
        foreach (var (file, bytes) in MimeCorpus.Pipermail(folder))
        {
            var body = MimeMessage.Parse(bytes).GetBody();
            scrubbed += body.Attachments.Count(a => a.Scrubbed);
            Assert.False(body.Text.Contains("foi limpo...") || body.Text.Contains("Se ha borrado un adjunto"), $"{file}: note left in text");
        }
        Assert.True(scrubbed > 400);
    }

    [Fact]
    public void UsrpBase64HtmlPartsDecodeToMarkup()
    {
        int checkedParts = 0;
        foreach (var bytes in MimeCorpus.Mboxrd("usrp-users-mboxrd/usrp-users-2021-H1.mboxrd.gz"))
        {
            var m = MimeMessage.Parse(bytes);
            foreach (var part in Leaves(m.Body).Where(p => p.ContentType.Is("text", "html") && p.ContentTransferEncoding == "base64"))
            {
                var html = part.GetText();
                Assert.Contains("<", html);
                Assert.Contains(">", html);
                checkedParts++;
            }
            var body = m.GetBody();
            Assert.False(body.Text.Length == 0 && Leaves(m.Body).Any(p => p.ContentType.MediaType == "text" && !p.IsAttachment && p.RawContent.Length > 0),
                $"empty body for {m.MessageId}");
        }
        Assert.True(checkedParts > 50, $"only {checkedParts} base64 HTML parts");
    }

    [Fact]
    public void KsummitListFooterAndStructure()
    {
        foreach (var (file, bytes) in MimeCorpus.Maildir("ksummit-discuss-maildir/new"))
        {
            var m = MimeMessage.Parse(bytes);
            Assert.Equal("ksummit-discuss.lists.linuxfoundation.org", m.ListId);
            Assert.DoesNotContain(m.Diagnostics, d => d.Code.StartsWith("mime-", StringComparison.Ordinal));
            Assert.NotEqual("", m.GetBody().Text.Trim());
        }
    }

    private static IEnumerable<MimeEntity> Leaves(MimeEntity e) =>
        e.Children.Count == 0 ? [e] : e.Children.SelectMany(Leaves);

    internal static string Ascii(ReadOnlySpan<byte> b) => Encoding.ASCII.GetString(b);
}
