using System.Text;
using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime;

public sealed class BodyExtractionTests
{
    [Fact]
    public void AlternativePrefersTextPlain()
    {
        var m = TestMessages.Parse("Content-Type: multipart/alternative; boundary=a\n\n--a\nContent-Type: text/html\n\n<p>html</p>\n--a\nContent-Type: text/plain\n\nplain\n--a--\n");
        var body = m.GetBody();
        Assert.Equal("plain", body.Text);
        Assert.False(body.IsFromHtml);
        Assert.Empty(body.Attachments);
    }

    [Fact]
    public void EmptyPlainAlternativeFallsBackToHtml()
    {
        var m = TestMessages.Parse("Content-Type: multipart/alternative; boundary=a\n\n--a\nContent-Type: text/plain\n\n \n--a\nContent-Type: text/html\n\n<p>real text</p>\n--a--\n");
        var body = m.GetBody();
        Assert.True(body.IsFromHtml);
        Assert.Contains("real text", body.Text);
    }

    [Fact]
    public void HtmlOnlyIsConverted()
    {
        var m = TestMessages.Parse("Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" + Convert.ToBase64String(Encoding.UTF8.GetBytes("<p>Hola se\u00f1or</p>")) + "\n");
        var body = m.GetBody();
        Assert.True(body.IsFromHtml);
        Assert.Contains("Hola señor", body.Text);
        Assert.Equal("utf-8", body.Charset);
    }

    [Fact]
    public void MixedJoinsInlineTextPartsAndListsAttachments()
    {
        var m = TestMessages.Parse("""
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            First part, caf=E9.
            --m
            Content-Type: text/x-diff; name=fix.patch
            Content-Disposition: inline; filename=fix.patch

            --- a/x
            +++ b/x
            --m
            Content-Type: image/png; name=pic.png
            Content-Transfer-Encoding: base64
            Content-Description: a picture

            iVBORw0KGgo=
            --m
            Content-Type: text/plain
            Content-Disposition: attachment; filename="notes.txt"

            not body
            --m--
            """);
        var body = m.GetBody();
        Assert.Equal("First part, café.\n--- a/x\n+++ b/x", body.Text);
        Assert.Equal("windows-1252", body.Charset);
        Assert.Collection(body.Attachments,
            a => { Assert.Equal("pic.png", a.FileName); Assert.Equal("image/png", a.ContentType); Assert.Equal(8, a.Size); Assert.Equal("a picture", a.Description); },
            a => { Assert.Equal("notes.txt", a.FileName); Assert.Equal(8, a.Size); });
    }

    [Fact]
    public void RelatedUsesRoot()
    {
        var m = TestMessages.Parse("Content-Type: multipart/related; boundary=r\n\n--r\nContent-Type: multipart/alternative; boundary=a\n\n--a\nContent-Type: text/plain\n\nroot text\n--a--\n--r\nContent-Type: image/gif\nContent-ID: <img1>\n\nGIF\n--r--\n");
        var body = m.GetBody();
        Assert.Equal("root text", body.Text);
        Assert.Equal("image/gif", Assert.Single(body.Attachments).ContentType);
    }

    [Fact]
    public void LineBreaksAreNormalised()
    {
        var m = TestMessages.Parse("Subject: x\n\nline one\nline two\n", crlf: true);
        Assert.Equal("line one\nline two\n", m.GetBody().Text);
    }

    [Fact]
    public void PipermailHtmlNoteIsStrippedAndRecorded()
    {
        var m = TestMessages.Parse("From: a at example.com (A)\nSubject: s\n\nHello.\n\n-------------- next part --------------\nAn HTML attachment was scrubbed...\nURL: http://twistedmatrix.com/pipermail/twisted-python/attachments/20100101/abc/attachment.htm\n");
        var body = m.GetBody();
        Assert.Equal("Hello.\n", body.Text);
        var a = Assert.Single(body.Attachments);
        Assert.Equal("text/html", a.ContentType);
        Assert.Equal("http://twistedmatrix.com/pipermail/twisted-python/attachments/20100101/abc/attachment.htm", a.Url);
        Assert.True(a.Scrubbed);
        Assert.Equal(-1, a.Size);
    }

    [Fact]
    public void PipermailNonTextNotes()
    {
        var text = "Patch attached.\n-------------- next part --------------\nA non-text attachment was scrubbed...\nName: pb.dia\nType: application/octet-stream\nSize: 3652 bytes\nDesc: not available\nUrl : http://example.com/attachments/20010823/86a645bf/attachment.obj \n"
                   + "-------------- next part --------------\nAn embedded and charset-unspecified text was scrubbed...\nName: ssl.py\nUrl: http://example.com/attachment.txt \n\n";
        var body = TestMessages.Parse("Subject: s\n\n" + text).GetBody();
        Assert.Equal("Patch attached.\n", body.Text);
        Assert.Collection(body.Attachments,
            a =>
            {
                Assert.Equal("pb.dia", a.FileName);
                Assert.Equal("application/octet-stream", a.ContentType);
                Assert.Equal(3652, a.Size);
                Assert.Null(a.Description);
                Assert.Equal("http://example.com/attachments/20010823/86a645bf/attachment.obj", a.Url);
            },
            a => { Assert.Equal("ssl.py", a.FileName); Assert.Equal("text/plain", a.ContentType); });
    }

    [Fact]
    public void PipermailSpanishAndPortugueseNotes()
    {
        // bulmages-main-pipermail (Spanish UI) and gpt-usuarios-pipermail (Portuguese UI), Latin-1 bytes.
        var es = TestMessages.Latin1("Subject: s\n\nHola\n------------ próxima parte ------------\nSe ha borrado un adjunto en formato HTML...\nURL: <https://lists.berlios.de/pipermail/bulmages-main/attachments/20081201/5d193485/attachment.html>\n");
        var body = MimeMessage.Parse(es).GetBody();
        Assert.Equal("Hola\n", body.Text);
        Assert.Equal("https://lists.berlios.de/pipermail/bulmages-main/attachments/20081201/5d193485/attachment.html", Assert.Single(body.Attachments).Url);

        var pt = TestMessages.Latin1("Subject: s\n\nOi\n-------------- Próxima Parte ----------\nUm anexo não-texto foi limpo...\nNome: dlopen.zip\nTipo: application/zip\nTamanho: 4765 bytes\nDescrição: não disponível\nURL: <https://lists.berlios.de/pipermail/gpt-usuarios/attachments/20071208/ddbac87d/attachment.zip>\n");
        var a = Assert.Single(MimeMessage.Parse(pt).GetBody().Attachments);
        Assert.Equal("dlopen.zip", a.FileName);
        Assert.Equal("application/zip", a.ContentType);
        Assert.Equal(4765, a.Size);
        Assert.Null(a.Description);
    }

    [Fact]
    public void SeparatorFollowedByInlinedTextIsKept()
    {
        var text = "Here.\n-------------- next part --------------\n#!/usr/local/bin/python\nprint 1\n";
        var body = TestMessages.Parse("Subject: s\n\n" + text).GetBody();
        Assert.Equal(text, body.Text);
        Assert.Empty(body.Attachments);
    }
}
