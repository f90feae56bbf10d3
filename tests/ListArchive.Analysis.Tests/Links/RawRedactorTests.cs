using System.Text;
using ListArchive.Analysis.Links;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Analysis.Tests.Links;

public sealed class RawRedactorTests
{
    private const string Wrapped = "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fletter.pdf&data=04%7C01%7Crecipient%40example.org%7Cb4c8944001194bc7858208d8e5e11d64%7C0%7C0%7C637512102923889975&sdata=LINRHD5T4MZBhJN75Fvb%2BJ04O4zUY1ErnSUWmDtofb8%3D&reserved=0";

    private static string Qp(string s)
    {
        // QP as Outlook writes it: '=' as =3D and soft breaks every 60 characters, inside the URL.
        var escaped = s.Replace("=", "=3D");
        var sb = new StringBuilder();
        for (int i = 0; i < escaped.Length; i += 60)
        {
            int n = Math.Min(60, escaped.Length - i);
            if (i + n < escaped.Length && escaped[i + n - 1] == '=') n--;
            if (i + n < escaped.Length && escaped[i + n - 2] == '=') n -= 2;
            sb.Append(escaped, i, n);
            if (i + n < escaped.Length) sb.Append("=\n");
            i -= 60 - n;
        }

        return sb.ToString();
    }

    private static byte[] Message(string body) => Encoding.ASCII.GetBytes(
        "From: a@example.org\nSubject: letter\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b\"\n\n--b\n"
        + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nSee " + Qp("the letter<" + Wrapped + "> now") + "\n"
        + "--b\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + Convert.ToBase64String(Encoding.UTF8.GetBytes("<p>caf\u00e9 <a href=\"" + Wrapped.Replace("&", "&amp;") + "\">letter</a></p>")) + "\n"
        + "--b--\n" + body);

    [Fact]
    public void Quoted_printable_and_base64_parts_lose_the_recipient_and_keep_the_link()
    {
        var raw = Message("");
        Assert.Contains("recipient", Encoding.ASCII.GetString(raw).Replace("=\n", ""));
        var redacted = RawRedactor.RedactRaw(raw);
        var message = MimeMessage.Parse(redacted);
        var parts = message.Body.Children;
        Assert.Equal(2, parts.Count);
        var plain = parts[0].GetText();
        var html = parts[1].GetText();
        Assert.DoesNotContain("recipient", plain);
        Assert.DoesNotContain("recipient", html);
        Assert.Contains("url=https%3A%2F%2Fexample.org%2Fletter.pdf", plain);
        Assert.Contains("url=https%3A%2F%2Fexample.org%2Fletter.pdf", html);
        Assert.Contains("caf\u00e9", html);
        Assert.StartsWith("See the letter<https://nam12.safelinks.protection.outlook.com/", plain);
        Assert.Empty(RecipientData.Find(plain));
        Assert.Empty(RecipientData.Find(html));
        Assert.Equal(message.Subject, MimeMessage.Parse(raw).Subject);
    }

    [Fact]
    public void Message_without_wrappers_is_an_identical_copy()
    {
        var raw = Encoding.ASCII.GetBytes("From: a@example.org\nSubject: x\n\nhttps://example.org/ only\n");
        var copy = RawRedactor.RedactRaw(raw);
        Assert.Equal(raw, copy);
        Assert.NotSame(raw, copy);
    }

    [Fact]
    public void Unknown_transfer_encoding_is_left_with_a_diagnostic()
    {
        var raw = Encoding.ASCII.GetBytes("From: a@example.org\nContent-Type: text/plain\nContent-Transfer-Encoding: x-uuencode\n\n" + Wrapped + "\n");
        var diagnostics = new List<ListArchive.Mail.MailDiagnostic>();
        Assert.Equal(raw, RawRedactor.RedactRaw(raw, diagnostics));
        Assert.Contains(diagnostics, d => d.Code == "redact-unknown-encoding");
    }

    [Fact]
    public void Usrp_users_qp_messages_are_redacted()
    {
        // usrp-users: Proofpoint v2 in QP parts, split by soft breaks (u=3Dhttps-3A__…).
        int changed = 0;
        foreach (var raw in MailSources.Open(RepoPaths.Corpus("usrp-users-mboxrd", "usrp-users-2021-H1.mboxrd.gz")))
        {
            var copy = RawRedactor.RedactRaw(raw.Bytes);
            if (copy.AsSpan().SequenceEqual(raw.Bytes)) continue;
            changed++;
            var message = MimeMessage.Parse(copy);
            foreach (var part in Leaves(message.Body).Where(p => p.ContentType.MediaType == "text"))
            {
                Assert.Empty(RecipientData.Find(part.GetText()));
            }

            Assert.Equal(MimeMessage.Parse(raw.Bytes).MessageId, message.MessageId);
        }

        Assert.True(changed >= 10, $"only {changed} messages changed");
    }

    [Fact]
    public void Eight_bit_part_gets_ascii_replacements_and_keeps_its_other_bytes()
    {
        // A Cisco wrapper is replaced by its target when redacted (its token is structural); the
        // target's non-ASCII must not be written as Latin-1 into a UTF-8 part.
        var body = "Caf\u00e9 https://secure-web.cisco.com/1Tok3n/https%3A%2F%2Fexample.org%2Fcaf%C3%A9 fin\n";
        var raw = Encoding.UTF8.GetBytes("From: a@example.org\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + body);
        var text = MimeMessage.Parse(RawRedactor.RedactRaw(raw)).Body.GetText();
        Assert.Equal("Caf\u00e9 https://example.org/caf%C3%A9 fin\n", text);
    }

    private static IEnumerable<MimeEntity> Leaves(MimeEntity e) =>
        e.Children.Count > 0 ? e.Children.SelectMany(Leaves) : e.Message is { } m ? Leaves(m.Body) : [e];
}
