using System.Globalization;
using ListArchive.Analysis.Segments;

namespace ListArchive.Analysis.Tests.Segments;

public sealed class AttributionTests
{
    private static string When(DateTimeOffset? d) => d?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "none";

    /// <summary>One attribution per language and client form (issue 5), each above a '>' quote.</summary>
    [Theory]
    // English: Gmail, Thunderbird, Apple Mail, Outlook, mutt, Pine
    [InlineData("On Fri, Mar 5, 2021 at 2:15 PM John Smith <john@example.org> wrote:", "John Smith", "john@example.org", "2021-03-05T14:15:00+00:00")]
    [InlineData("On 05/03/21 2:15 pm, parminder via Governance wrote:", "parminder", null, "2021-03-05T14:15:00+00:00")]
    [InlineData("On 3 Jun 2024, at 10:12, Ana Exemplo via Governance <governance at lists.igcaucus.org> wrote:", "Ana Exemplo", null, "2024-06-03T10:12:00+00:00")]
    [InlineData("On Friday, March 5, 2021 2:15 PM, John Smith <john@example.org> wrote:", "John Smith", "john@example.org", "2021-03-05T14:15:00+00:00")]
    [InlineData("On Fri, Jul 13, 2001 at 06:41:28PM -0500, Jason L. Asbahr wrote:", "Jason L. Asbahr", null, "2001-07-13T18:41:28-05:00")]
    [InlineData("On Fri, 11 May 2001 19:36:24 +0300, Chris Armstrong <carmstro at dynup.net> wrote:", "Chris Armstrong", "carmstro@dynup.net", "2001-05-11T19:36:24+03:00")]
    [InlineData("On Tue, 6 Feb 2001, Chris Armstrong wrote:", "Chris Armstrong", null, "2001-02-06T00:00:00+00:00")]
    [InlineData("Glyph Lefkowitz wrote:", "Glyph Lefkowitz", null, "none")]
    // French (Gmail, Thunderbird)
    [InlineData("Le ven. 5 mars 2021 à 14:15, Jean Dupont <jean@example.fr> a écrit :", "Jean Dupont", "jean@example.fr", "2021-03-05T14:15:00+00:00")]
    [InlineData("Le 05/03/2021 à 14:15, Jean Dupont a écrit :", "Jean Dupont", null, "2021-03-05T14:15:00+00:00")]
    // German (Gmail, Thunderbird)
    [InlineData("Am Fr., 5. März 2021 um 14:15 Uhr schrieb Hans Müller <hans@example.de>:", "Hans Müller", "hans@example.de", "2021-03-05T14:15:00+00:00")]
    [InlineData("Am 05.03.2021 um 14:15 schrieb Hans Müller:", "Hans Müller", null, "2021-03-05T14:15:00+00:00")]
    // Spanish (Gmail; bulmages' obfuscated "en")
    [InlineData("El vie, 5 mar 2021 a las 14:15, Juan Pérez (<juan@example.es>) escribió:", "Juan Pérez", "juan@example.es", "2021-03-05T14:15:00+00:00")]
    [InlineData("Raül Martínez i Peris escribió:", "Raül Martínez i Peris", null, "none")]
    // Portuguese (Gmail; gpt-usuarios' obfuscated "em")
    [InlineData("Em sex., 5 de mar. de 2021 às 14:15, João Silva <joao@example.br> escreveu:", "João Silva", "joao@example.br", "2021-03-05T14:15:00+00:00")]
    [InlineData("Em 10/11/06, Thiago Silva <thiago.silva em kdemail.net> escreveu:", "Thiago Silva", "thiago.silva@kdemail.net", "2006-11-10T00:00:00+00:00")]
    // Italian
    [InlineData("Il giorno ven 5 mar 2021 alle ore 14:15 Mario Rossi <mario@example.it> ha scritto:", "Mario Rossi", "mario@example.it", "2021-03-05T14:15:00+00:00")]
    // Dutch
    [InlineData("Op vr 5 mrt. 2021 om 14:15 schreef Jan de Vries <jan@example.nl>:", "Jan de Vries", "jan@example.nl", "2021-03-05T14:15:00+00:00")]
    // Swedish, Danish, Norwegian
    [InlineData("Den fre 5 mars 2021 kl 14:15 skrev Sven Svensson <sven@example.se>:", "Sven Svensson", "sven@example.se", "2021-03-05T14:15:00+00:00")]
    [InlineData("Den 5. mar. 2021 kl. 14.15 skrev Lars Hansen <lars@example.dk>:", "Lars Hansen", "lars@example.dk", "2021-03-05T14:15:00+00:00")]
    [InlineData("fre. 5. mar. 2021 kl. 14:15 skrev Ola Nordmann <ola@example.no>:", "Ola Nordmann", "ola@example.no", "2021-03-05T14:15:00+00:00")]
    // Finnish
    [InlineData("pe 5. maalisk. 2021 klo 14.15 Matti Meikäläinen (matti@example.fi) kirjoitti:", "Matti Meikäläinen", "matti@example.fi", "2021-03-05T14:15:00+00:00")]
    // Polish (Gmail, Thunderbird)
    [InlineData("pt., 5 mar 2021 o 14:15 Jan Kowalski <jan@example.pl> napisał(a):", "Jan Kowalski", "jan@example.pl", "2021-03-05T14:15:00+00:00")]
    [InlineData("W dniu 5.03.2021 o 14:15, Jan Kowalski pisze:", "Jan Kowalski", null, "2021-03-05T14:15:00+00:00")]
    // Czech
    [InlineData("pá 5. 3. 2021 v 14:15 odesílatel Jan Novák <jan@example.cz> napsal:", "Jan Novák", "jan@example.cz", "2021-03-05T14:15:00+00:00")]
    [InlineData("Dne 5.3.2021 v 14:15 Jan Novák napsal(a):", "Jan Novák", null, "2021-03-05T14:15:00+00:00")]
    // Russian (Gmail without a verb, Thunderbird)
    [InlineData("пт, 5 мар. 2021 г. в 14:15, Иван Петров <ivan@example.ru>:", "Иван Петров", "ivan@example.ru", "2021-03-05T14:15:00+00:00")]
    [InlineData("05.03.2021 14:15, Иван Петров пишет:", "Иван Петров", null, "2021-03-05T14:15:00+00:00")]
    // Chinese (Gmail, Foxmail-style)
    [InlineData("张三 <zhang@example.cn> 于2021年3月5日周五 下午2:15写道：", "张三", "zhang@example.cn", "2021-03-05T14:15:00+00:00")]
    [InlineData("在 2021年3月5日 14:15，张三 写道:", "张三", null, "2021-03-05T14:15:00+00:00")]
    // Japanese (Gmail)
    [InlineData("2021年3月5日(金) 14:15 山田太郎 <taro@example.jp>:", "山田太郎", "taro@example.jp", "2021-03-05T14:15:00+00:00")]
    // Horde, mutt
    [InlineData("Quoting John Smith <john@example.org>:", "John Smith", "john@example.org", "none")]
    [InlineData("* John Smith <john@example.org> [2021-03-05 14:15]:", "John Smith", "john@example.org", "2021-03-05T14:15:00+00:00")]
    public void AttributionNamesTheQuotedAuthorAndDate(string line, string? name, string? address, string date)
    {
        var body = Shape.Checked($"My reply.\n\n{line}\n> The quoted text.\n");

        Assert.Equal("own/0 attribution/0 quote/1", Shape.Of(body));
        var attribution = Shape.Single(body, SegmentKind.Attribution);
        var quote = Shape.Single(body, SegmentKind.Quote);
        Assert.Equal(line + "\n", body.GetText(attribution));
        Assert.Equal(name, quote.Author?.Name);
        Assert.Equal(address, quote.Author?.Address);
        Assert.Equal(date, When(quote.Date));
        Assert.Equal(attribution.Author, quote.Author);
    }

    [Theory]
    [InlineData("On Fri, Mar 5, 2021 at 2:15 PM John Smith <john@\nexample.org> wrote:", "John Smith", "john@example.org")]
    [InlineData("On Fri, Mar 5, 2021 at 2:15 PM John Smith <\njohn@example.org> wrote:", "John Smith", "john@example.org")]
    [InlineData("On Fri, Mar 5, 2021 at 2:15 PM John Smith\n<john@example.org> wrote:", "John Smith", "john@example.org")]
    [InlineData("El 12/03/2010, Fco. Javier M. C.\n<fcojavmc en todo-redes.com>\nescribió:", "Fco. Javier M. C.", "fcojavmc@todo-redes.com")]
    [InlineData("Le ven. 5 mars 2021 à 14:15, Jean Dupont <jean@example.fr> a\nécrit :", "Jean Dupont", "jean@example.fr")]
    public void WrappedAttributionsSpanTheirLines(string lines, string name, string address)
    {
        var body = Shape.Checked($"My reply.\n\n{lines}\n> The quoted text.\n");

        Assert.Equal("own/0 attribution/0 quote/1", Shape.Of(body));
        Assert.Equal(lines + "\n", body.GetText(Shape.Single(body, SegmentKind.Attribution)));
        var quote = Shape.Single(body, SegmentKind.Quote);
        Assert.Equal(name, quote.Author?.Name);
        Assert.Equal(address, quote.Author?.Address);
        Assert.Equal("My reply.", body.OwnText.Trim());
    }

    [Fact]
    public void ZohoAttributionIntroducesAnUnmarkedQuote()
    {
        const string text = "Fine by me.\n\n---- On Fri, 05 Mar 2021 14:15:00 +0530 Priya Rao <priya@example.in> wrote ----\n\nCan we meet on Monday?\n";

        var body = Shape.Checked(text);

        Assert.Equal("own/0 attribution/0 quote/1", Shape.Of(body));
        var quote = Shape.Single(body, SegmentKind.Quote);
        Assert.Equal(new QuotedAuthor("Priya Rao", "priya@example.in"), quote.Author);
        Assert.Equal("2021-03-05T14:15:00+05:30", When(quote.Date));
        Assert.Equal("Fine by me.", body.OwnText.Trim());
    }

    [Fact]
    public void NestedAttributionsNameEachLevel()
    {
        const string text = "Top.\n\nOn Mon, 1 Mar 2021 at 10:00, Bea <bea@example.org> wrote:\n> Bea's words.\n> On Sun, 28 Feb 2021 at 09:00, Cy <cy@example.org> wrote:\n>> Cy's words.\n";

        var body = Shape.Checked(text);

        Assert.Equal("own/0 attribution/0 quote/1 attribution/1 quote/2", Shape.Of(body));
        var quotes = body.Segments.Where(s => s.Kind == SegmentKind.Quote).ToList();
        Assert.Equal("Bea", quotes[0].Author?.Name);
        Assert.Equal("Cy", quotes[1].Author?.Name);
    }

    [Fact]
    public void AppleMailAttributionInsideTheQuoteNamesIt()
    {
        // twisted-python 2016: "> On Apr 19, 2016, at 4:32 PM, X wrote:" opens the quote it introduces.
        const string text = "\n> On Apr 19, 2016, at 4:32 PM, Jonathan <jv at example.com> wrote:\n> \n> Does anyone have a clue?\n\nPerhaps libc.\n";

        var body = Shape.Checked(text);

        Assert.Equal("attribution/0 quote/1 own/0", Shape.Of(body));
        Assert.Equal("jv@example.com", body.Segments.Single(s => s.Kind == SegmentKind.Quote).Author?.Address);
    }
}
