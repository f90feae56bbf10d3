using System.Globalization;
using ListArchive.Analysis.Segments;

namespace ListArchive.Analysis.Tests.Segments;

public sealed class HeaderBlockTests
{
    private static string When(DateTimeOffset? d) => d?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) ?? "none";

    /// <summary>Outlook/Exchange reply headers in the languages of issue 5, with no '>' anywhere.</summary>
    [Theory]
    [InlineData("From: Mueller, Milton L <milton@example.edu>\nSent: Friday, March 5, 2021 2:15 PM\nTo: governance@example.org\nSubject: Re: letter", "Mueller, Milton L", "milton@example.edu", "2021-03-05T14:15")]
    [InlineData("De : Jean Dupont <jean@example.fr>\nEnvoyé : vendredi 5 mars 2021 14:15\nÀ : liste@example.org\nObjet : Re: lettre", "Jean Dupont", "jean@example.fr", "2021-03-05T14:15")]
    [InlineData("Von: Hans Müller <hans@example.de>\nGesendet: Freitag, 5. März 2021 14:15\nAn: liste@example.org\nBetreff: AW: Brief", "Hans Müller", "hans@example.de", "2021-03-05T14:15")]
    [InlineData("De: Juan Pérez <juan@example.es>\nEnviado el: viernes, 5 de marzo de 2021 14:15\nPara: lista@example.org\nAsunto: RE: carta", "Juan Pérez", "juan@example.es", "2021-03-05T14:15")]
    [InlineData("De: João Silva <joao@example.br>\nEnviada em: sexta-feira, 5 de março de 2021 14:15\nPara: lista@example.org\nAssunto: RES: carta", "João Silva", "joao@example.br", "2021-03-05T14:15")]
    [InlineData("Da: Mario Rossi <mario@example.it>\nInviato: venerdì 5 marzo 2021 14:15\nA: lista@example.org\nOggetto: R: lettera", "Mario Rossi", "mario@example.it", "2021-03-05T14:15")]
    [InlineData("Van: Jan de Vries <jan@example.nl>\nVerzonden: vrijdag 5 maart 2021 14:15\nAan: lijst@example.org\nOnderwerp: RE: brief", "Jan de Vries", "jan@example.nl", "2021-03-05T14:15")]
    [InlineData("Från: Sven Svensson <sven@example.se>\nSkickat: den 5 mars 2021 14:15\nTill: lista@example.org\nÄmne: SV: brev", "Sven Svensson", "sven@example.se", "2021-03-05T14:15")]
    [InlineData("Fra: Lars Hansen <lars@example.dk>\nSendt: 5. marts 2021 14:15\nTil: liste@example.org\nEmne: SV: brev", "Lars Hansen", "lars@example.dk", "2021-03-05T14:15")]
    [InlineData("Od: Jan Kowalski <jan@example.pl>\nWysłano: piątek, 5 marca 2021 14:15\nDo: lista@example.org\nTemat: ODP: list", "Jan Kowalski", "jan@example.pl", "2021-03-05T14:15")]
    [InlineData("Od: Jan Novák <jan@example.cz>\nOdesláno: pátek 5. března 2021 14:15\nKomu: seznam@example.org\nPředmět: RE: dopis", "Jan Novák", "jan@example.cz", "2021-03-05T14:15")]
    [InlineData("От: Иван Петров <ivan@example.ru>\nОтправлено: 5 марта 2021 г. 14:15\nКому: list@example.org\nТема: RE: письмо", "Иван Петров", "ivan@example.ru", "2021-03-05T14:15")]
    [InlineData("发件人: 张三 <zhang@example.cn>\n发送时间: 2021年3月5日 14:15\n收件人: list@example.org\n主题: 回复: 信", "张三", "zhang@example.cn", "2021-03-05T14:15")]
    [InlineData("差出人: 山田太郎 <taro@example.jp>\n送信日時: 2021年3月5日 14:15\n宛先: list@example.org\n件名: RE: 手紙", "山田太郎", "taro@example.jp", "2021-03-05T14:15")]
    [InlineData("*From:* John Smith <john@example.org>\n*Sent:* Friday, March 5, 2021 2:15 PM\n*To:* list@example.org\n*Subject:* Re: letter", "John Smith", "john@example.org", "2021-03-05T14:15")]
    public void OutlookHeaderBlockQuotesEverythingBelowIt(string header, string name, string address, string date)
    {
        var text = $"I agree with this.\n\nRegards\n\n{header}\n\nThe original message.\nSecond paragraph.\n";

        var body = Shape.Checked(text);

        Assert.Equal("own/0 attribution/0 quote/1", Shape.Of(body));
        var quote = Shape.Single(body, SegmentKind.Quote);
        Assert.Equal(new QuotedAuthor(name, address), quote.Author);
        Assert.Equal(date, When(quote.Date));
        Assert.Equal("I agree with this. Regards", Shape.Norm(body.OwnText));
        Assert.Equal("The original message. Second paragraph.", Shape.Norm(body.QuotedText));
        Assert.Contains(body.Diagnostics, d => d.Code == "markerless-quote");
    }

    [Theory]
    [InlineData("-----Original Message-----")]
    [InlineData("________________________________")]
    [InlineData("-----Ursprüngliche Nachricht-----")]
    [InlineData("-----Message d'origine-----")]
    public void SeparatorLineBelongsToTheHeaderBlock(string separator)
    {
        var text = $"Thanks.\n\n{separator}\nFrom: Ann <ann@example.org>\nSent: 5 March 2021 14:15\nTo: list@example.org\nSubject: x\n\nOld text.\n> older quoted\n";

        var body = Shape.Checked(text);

        Assert.Equal("own/0 attribution/0 quote/1 quote/2", Shape.Of(body));
        Assert.StartsWith(separator, body.GetText(Shape.Single(body, SegmentKind.Attribution)), StringComparison.Ordinal);
        Assert.Equal("Thanks.", body.OwnText.Trim());
    }

    [Fact]
    public void ExchangeOnBehalfOfNamesTheRealSenderAndWrappedFromContinues()
    {
        // clearwater-pipermail, 2015: the From: value wraps and names the list "On Behalf Of" the sender.
        const string text = "See below.\n\n-----Original Message-----\nFrom: Clearwater [mailto:clearwater-bounces at lists.projectclearwater.org] On Behalf Of Trey\nOrmsbee\nSent: 21 December 2015 21:36\nTo: Clearwater at lists.projectclearwater.org\nSubject: [Clearwater] Sprout\n\nHello all\n";

        var body = Shape.Checked(text);

        var quote = Shape.Single(body, SegmentKind.Quote);
        Assert.Equal("Trey Ormsbee", quote.Author?.Name);
        Assert.Equal("2015-12-21T21:36", When(quote.Date));
        Assert.Equal("See below.", body.OwnText.Trim());
    }

    [Fact]
    public void HeaderBlockFollowedByMarkedQuotesIsAnInterleavedReply()
    {
        // twisted-python 2001 (mutt/slrn): the header of the answered message, then '>' quotes and own answers.
        const string text = "From: \"Jason L. Asbahr\" <jasbahr at crash.org>\nSubject: [Twisted-Python] UML\nDate: Wed, 22 Aug 2001 08:19:40 -0500\n\nmy random thoughts:\n\n> I'm thinking of a tool.\n\nGood idea.\n";

        var body = Shape.Checked(text);

        Assert.Equal("attribution/0 own/0 quote/1 own/0", Shape.Of(body));
        Assert.Equal("my random thoughts: Good idea.", Shape.Norm(body.OwnText));
        Assert.Equal("jasbahr@crash.org", body.Segments.Single(s => s.Kind == SegmentKind.Quote).Author?.Address);
    }

    [Fact]
    public void QuotedOutlookBlockInsideAMarkedQuoteGoesOneLevelDeeper()
    {
        const string text = "Reply.\n\n> Middle words.\n> -----Original Message-----\n> From: Cy <cy@example.org>\n> Sent: 5 March 2021 14:15\n> To: list@example.org\n> Subject: x\n>\n> Cy's words.\n";

        var body = Shape.Checked(text);

        Assert.Equal("own/0 quote/1 attribution/1 quote/2", Shape.Of(body));
        Assert.Equal("Cy", body.Segments.Single(s => s.Kind == SegmentKind.Quote && s.Depth == 2).Author?.Name);
    }

    [Theory]
    [InlineData("---------- Forwarded message ---------\nFrom: Ann <ann@example.org>\nDate: Fri, Mar 5, 2021 at 2:15 PM\nSubject: Plans\nTo: Bob <bob@example.org>")]
    [InlineData("Begin forwarded message:\n\nFrom: Ann <ann@example.org>\nSubject: Plans\nDate: 5 March 2021 at 14:15:00 GMT\nTo: Bob <bob@example.org>")]
    [InlineData("-------- Forwarded Message --------\nSubject: \tPlans\nDate: \tFri, 5 Mar 2021 14:15:00 +0000\nFrom: \tAnn <ann@example.org>\nTo: \tBob <bob@example.org>")]
    [InlineData("-----Weitergeleitete Nachricht-----\nVon: Ann <ann@example.org>\nGesendet: Freitag, 5. März 2021 14:15\nAn: Bob <bob@example.org>\nBetreff: Plans")]
    public void ForwardedMessagesAreForwards(string header)
    {
        var text = $"FYI, see below.\n\n{header}\n\nThe forwarded plans.\n";

        var body = Shape.Checked(text);

        Assert.Equal("own/0 forward/0", Shape.Of(body));
        Assert.Equal("ann@example.org", body.Segments.Last().Author?.Address);
        Assert.Equal("FYI, see below.", body.OwnText.Trim());
        Assert.Contains("The forwarded plans.", body.QuotedText, StringComparison.Ordinal);
    }

    [Fact]
    public void OwnTextThatMentionsFromAndToIsNoHeaderBlock()
    {
        var body = Shape.Checked("From: the committee's point of view this is fine.\nTo: be decided.\n\nMore text.\n");

        Assert.Equal("own/0", Shape.Of(body));
    }
}
