using ListArchive.Analysis.Segments;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>Forms met in the shared corpora, written small (the corpus file that needed each is named).</summary>
public sealed class CorpusFormTests
{
    [Theory]
    // bulmages-main-pipermail: Catalan Thunderbird and Evolution.
    [InlineData("Al 25/11/11 20:19, En/na Osvaldo Salazar ha escrit:", "Osvaldo Salazar")]
    [InlineData("El dc 30 de 06 de 2010 a les 17:12 +0200, en/na Orestes Mas va escriure:", "Orestes Mas")]
    // bulmages: old Gmail, no verb and no colon.
    [InlineData("2011/11/29 Walter Garcia-Fontes <walter.garcia en upf.edu>", "Walter Garcia-Fontes")]
    // hyperkitty-testdata: a name with an initial.
    [InlineData("Simon A. Erat wrote:", "Simon A. Erat")]
    // clearwater-pipermail: "ó" turned into "?".
    [InlineData("El jue., 13 sept. 2018 a las 19:19, Davis, Matthew (<Matthew.Davis.2 at team.telstra.com>) escribi?:", "Davis, Matthew")]
    public void CorpusAttributionForms(string line, string name)
    {
        var body = Shape.Checked($"Answer.\n\n{line}\n> quoted\n");

        Assert.Equal("own/0 attribution/0 quote/1", Shape.Of(body));
        Assert.Equal(name, Shape.Single(body, SegmentKind.Quote).Author?.Name);
    }

    [Fact]
    public void GmailWrapThatStartsWithTheClosingBracketIsStillTheAttribution()
    {
        // bulmages-main-pipermail 2010-September.
        const string text = "Salut\n\nEl 16 de septiembre de 2010 12:29, Raül Martínez i Peris <elferrer en gmail.com\n> escribió:\n\n> Hola\n";

        var body = Shape.Checked(text);

        Assert.Equal("own/0 attribution/0 quote/1", Shape.Of(body));
        Assert.Equal(new QuotedAuthor("Raül Martínez i Peris", "elferrer@gmail.com"), Shape.Single(body, SegmentKind.Quote).Author);
    }

    [Fact]
    public void AttributionWithItsQuoteCutIsStillNoOwnText()
    {
        // twisted-python 2008 (Evolution): the quote comes after own text, or was deleted.
        const string text = "Am Mittwoch, den 05.03.2008, 15:01 -0500 schrieb Phil Christensen:\n\nWell, how buggy it is, is open to discussion.\n\n> distutils is bad\n\nNo.\n";

        var body = Shape.Checked(text);

        Assert.Equal("attribution/0 own/0 quote/1 own/0", Shape.Of(body));
        Assert.Equal("Phil Christensen", body.Segments[0].Author?.Name);
        Assert.Equal("Well, how buggy it is, is open to discussion. No.", Shape.Norm(body.OwnText));
    }

    [Fact]
    public void FromAndDateAboveAQuoteAreItsAttribution()
    {
        // notmuch-corpora (lkml): David Miller quotes the header of the patch he answers.
        const string text = "From: Joe Perches <joe@perches.com>\nDate: Sun, 14 Nov 2010 19:04:34 -0800\n\n> Signed-off-by: Joe Perches <joe@perches.com>\n\nNot applicable to net-next-2.6\n";

        var body = Shape.Checked(text);

        Assert.Equal("attribution/0 quote/1 own/0", Shape.Of(body));
        Assert.Equal("joe@perches.com", Shape.Single(body, SegmentKind.Quote).Author?.Address);
        Assert.Equal("Not applicable to net-next-2.6", body.OwnText.Trim());
    }

    [Fact]
    public void HeaderLabelsWithLettersLostToQuestionMarks()
    {
        // twisted-python 2006 / clearwater 2016: pipermail wrote "Från" as "Fr?n" and "À" as "?".
        const string text = "BG\nSven-Erik\n\n________________________________\n\nFr?n: glyph at divmod.com\nSkickat: den 10 oktober 2006 21:26\nTill: twisted-python at twistedmatrix.com\n?mne: Re: question\n\nYes. That is what Twisted _is_.\n";

        var body = Shape.Checked(text);

        Assert.Equal("own/0 attribution/0 quote/1", Shape.Of(body));
        Assert.Equal("BG Sven-Erik", Shape.Norm(body.OwnText));
    }

    [Fact]
    public void OutlookTopPostKeepsQuotingAnOlderMarkedChain()
    {
        // clearwater 2018-December: own text, an unseparated header block, and a quoted message holding '>' lines.
        const string text = "Hope that helps,\nMark.\n\nFrom: Gabriel <g@example.co>\nSent: 29 November 2018 21:57\nTo: list@example.org\nSubject: Re: x\n\nHi Mark\n\nWe tried.\n\n> older words\n";

        var body = Shape.Checked(text);

        Assert.Equal("Hope that helps, Mark.", Shape.Norm(body.OwnText));
        Assert.Contains("We tried.", body.QuotedText, StringComparison.Ordinal);
    }

    [Fact]
    public void PipermailAndPgpBoilerplate()
    {
        const string text = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA1\n\nMy words.\n\n-----BEGIN PGP SIGNATURE-----\nVersion: GnuPG v1\n\niD8DBQFAhXS+\n=MjCH\n-----END PGP SIGNATURE-----\n-------------- next part --------------\nAn HTML attachment was scrubbed...\nURL: http://example.org/attachment.htm\n";

        var body = Shape.Checked(text);

        Assert.Equal("My words.", body.OwnText.Trim());
        Assert.Equal("boilerplate/0 own/0 boilerplate/0", Shape.Of(body));
    }

    [Fact]
    public void ListservAndVgerFootersAreFooters()
    {
        var listserv = Shape.Checked("Words.\n\n########################################################################\n\nTo unsubscribe from the 3GPP_TSG_SA_WG4_EVS list, click the following link:\nhttp://list.etsi.org/scripts/wa.exe?SUBED1=3GPP_TSG_SA_WG4_EVS&A=1\n");
        var vger = Shape.Checked("Words.\n--\nTo unsubscribe from this list: send the line \"unsubscribe linux-kernel\" in\nthe body of a message to majordomo@vger.kernel.org\n");

        Assert.Equal("own/0 footer/0", Shape.Of(listserv));
        Assert.Equal("own/0 footer/0", Shape.Of(vger));
    }

    [Fact]
    public void MboxEscapedFromIsOwnText()
    {
        var body = Shape.Checked("I agree.\n>From reading the spec, yes.\nSo fine.\n");

        Assert.Equal("own/0", Shape.Of(body));
    }

    [Fact]
    public void LearnedSignatureOnlyWhereItEndsTheOwnText()
    {
        var context = new SegmenterContext { AuthorSignatures = ["Thanks,\nTrey\nInterop Technologies"] };

        // Only the first lines of the learned block this time, above the quote: still the signature.
        var top = Shape.Checked("Any plans?\n\nThanks,\nTrey\n\nOn Fri, Mar 5, 2021 at 2:15 PM Bob <b@example.org> wrote:\n> old\n", context);
        // Followed by a P.S. it does not end the own text: own.
        var ps = Shape.Checked("Any plans?\n\nThanks,\nTrey\n\nP.S. one more thing\n", context);

        Assert.Equal("Any plans?", top.OwnText.Trim());
        Assert.Equal("own/0 signature/0 attribution/0 quote/1", Shape.Of(top));
        Assert.Equal("own/0", Shape.Of(ps));
    }

    [Fact]
    public void LearnedSignatureNeverTakesTheWholeMessage()
    {
        var context = new SegmenterContext { AuthorSignatures = ["control: severity -1 serious"] };

        var body = Shape.Checked("control: severity -1 serious\n", context);

        Assert.Equal("own/0", Shape.Of(body));
    }
}
