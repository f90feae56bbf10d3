using ListArchive.Analysis.Segments;

namespace ListArchive.Analysis.Tests.Segments;

public sealed class TrailerTests
{
    private const string Footer = "_______________________________________________\nGovernance mailing list\nGovernance@lists.igcaucus.org\nhttps://lists.igcaucus.org/mailman/listinfo/governance\n";

    [Fact]
    public void DashDashSpaceStartsTheSignature()
    {
        var body = Shape.Checked("My point.\n\n-- \nAnn Example\nExample Org\n");

        Assert.Equal("own/0 signature/0", Shape.Of(body));
        Assert.Equal("-- \nAnn Example\nExample Org\n", body.GetText(body.Segments.Last()));
        Assert.Equal("My point.", body.OwnText.Trim());
    }

    [Fact]
    public void DashDashInsideALineIsNoSignature()
    {
        var body = Shape.Checked("This is -- as I said -- fine.\nand x -- y\n");

        Assert.Equal("own/0", Shape.Of(body));
    }

    [Fact]
    public void SignatureEndsWhereAQuoteBegins()
    {
        var body = Shape.Checked("Top post.\n-- \nAnn\n\nOn Fri, Mar 5, 2021 at 2:15 PM Bob <bob@example.org> wrote:\n> old\n");

        Assert.Equal("own/0 signature/0 attribution/0 quote/1", Shape.Of(body));
    }

    [Fact]
    public void MailmanFooterIsRecognisedWithoutLearning()
    {
        var body = Shape.Checked("Words.\n\n" + Footer);

        Assert.Equal("own/0 footer/0", Shape.Of(body));
        Assert.Equal(Footer, body.GetText(body.Segments.Last()));
    }

    [Fact]
    public void QuotedFooterStaysAQuote()
    {
        var body = Shape.Checked("Words.\n\n> old\n> " + Footer.TrimEnd('\n').Replace("\n", "\n> ", StringComparison.Ordinal) + "\n");

        Assert.Equal("own/0 quote/1", Shape.Of(body));
    }

    [Fact]
    public void LearnedFooterAndSignatureAreUsed()
    {
        var learner = new TrailerLearner(minSamples: 3);
        const string footer = "--\nYou received this because you joined the group.\nTo leave, write to leave@example.org";
        const string signature = "Ann Example | Example Org\n+1 555 0100";
        for (var i = 0; i < 4; i++)
        {
            learner.Add("list", $"Message {i} text.\n\n{footer}\n");
            learner.Add("ann@example.org", $"Note {i}.\n\n{signature}\n");
        }

        learner.Add("list", "An odd one without the footer.\n");

        Assert.Equal(footer, learner.GetTrailer("list"));
        Assert.Equal(signature, learner.GetTrailer("ann@example.org"));
        Assert.Null(learner.GetTrailer("nobody"));

        var body = Shape.Checked($"New words.\n\n{signature}\n\n{footer}\n", new SegmenterContext
        {
            ListFooter = learner.GetTrailer("list"),
            AuthorSignatures = [learner.GetTrailer("ann@example.org")!],
        });

        Assert.Equal("own/0 signature/0 footer/0", Shape.Of(body));
        Assert.Equal("New words.", body.OwnText.Trim());
    }

    [Fact]
    public void LearnerNeedsEnoughSamplesAndAMajority()
    {
        var learner = new TrailerLearner(minSamples: 5, minShare: 0.5);
        for (var i = 0; i < 4; i++)
        {
            learner.Add("k", $"text {i}\n\nShared trailing block here\n");
        }

        Assert.Null(learner.GetTrailer("k"));
        learner.Add("k", "text\n\nShared trailing block here\n");
        Assert.Equal("Shared trailing block here", learner.GetTrailer("k"));
        for (var i = 0; i < 6; i++)
        {
            learner.Add("k", $"different ending {i}\n");
        }

        Assert.Null(learner.GetTrailer("k"));
    }

    [Theory]
    [InlineData("Sent from my iPhone")]
    [InlineData("Envoyé de mon iPhone")]
    [InlineData("Von meinem iPhone gesendet")]
    [InlineData("Enviado desde mi iPhone")]
    [InlineData("Get Outlook for Android")]
    public void SentFromMyIsBoilerplate(string line)
    {
        var body = Shape.Checked($"Yes.\n\n{line}\n");

        Assert.Equal("own/0 boilerplate/0", Shape.Of(body));
        Assert.Equal("Yes.", body.OwnText.Trim());
    }

    [Fact]
    public void LegalDisclaimerIsBoilerplate()
    {
        const string text = "See attached.\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are for the sole use of the\nintended recipient(s). If you are not the intended recipient, please delete it.\n";

        var body = Shape.Checked(text);

        Assert.Equal("own/0 boilerplate/0", Shape.Of(body));
        Assert.Equal("See attached.", body.OwnText.Trim());
    }
}
