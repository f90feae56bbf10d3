using ListArchive.Analysis.Segments;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>
/// Trailer and marker forms found while checking the labelled set (docs/segmentation-eval.md): learned
/// sign-offs spaced or shortened differently, rules drawn above disclaimers, gateway trailers,
/// signature boxes, colon-less attributions and French webmail header blocks. Texts written here.
/// </summary>
public sealed class GeneralTrailerTests
{
    private static SegmenterContext Signed(string signature) => new() { AuthorSignatures = [signature] };

    [Fact]
    public void LearnedSignOffMatchesWhateverTheBlankLinesBetween()
    {
        var body = Shape.Checked("The build works now.\n\nThanks,\n\n\nTrey\n", Signed("Thanks,\nTrey"));

        Assert.Equal("The build works now.", Shape.Norm(body.OwnText));
        Assert.Equal("Thanks, Trey", Shape.Norm(body.GetText(Shape.Single(body, SegmentKind.Signature))));
    }

    [Fact]
    public void LastLinesOfALearnedSignatureAreASignatureToo()
    {
        // The learner grows a block upwards while enough messages share it: "Chris" ends at least as
        // many of them as "Yours,\n\nChris" does.
        var body = Shape.Checked("Try the new release.\n\nChris\n", Signed("Yours,\n\nChris"));

        Assert.Equal("Try the new release.", Shape.Norm(body.OwnText));
    }

    [Fact]
    public void FirstLineAloneOfALearnedSignatureIsNot()
    {
        var body = Shape.Checked("Try the new release.\n\nYours,\n", Signed("Yours,\n\nChris"));

        Assert.Equal("Try the new release. Yours,", Shape.Norm(body.OwnText));
        Assert.DoesNotContain(body.Segments, s => s.Kind == SegmentKind.Signature);
    }

    [Fact]
    public void OneLetterSignOffIsLearned()
    {
        var learner = new TrailerLearner();
        for (var i = 0; i < 6; i++)
        {
            learner.Add("j", $"Point number {i}.\n\n-J\n");
        }

        learner.Add("k", "Only punctuation.\n\n--\n");
        for (var i = 0; i < 6; i++)
        {
            learner.Add("k", $"Point {i}.\n\n* * *\n");
        }

        Assert.Equal("-J", learner.GetTrailer("j"));
        Assert.Null(learner.GetTrailer("k"));
    }

    [Fact]
    public void RuleAboveADisclaimerIsBoilerplateAndTheSignOffAboveItLearnable()
    {
        const string disclaimer = "\n______________________________________________\n\nThis message and its attachments may contain confidential information; if you are not the intended recipient, delete it.\n";
        var body = Shape.Checked("It works.\n\nGilles\n" + disclaimer);

        Assert.Equal("own/0 boilerplate/0", Shape.Of(body));
        Assert.StartsWith("___", body.GetText(body.Segments[^1]).Trim(), StringComparison.Ordinal);

        var learner = new TrailerLearner();
        for (var i = 0; i < 5; i++)
        {
            learner.Add("g", $"Message {i}.\n\nGilles\n" + disclaimer);
        }

        learner.Add("g", "Another one.\n\nGilles\n");
        Assert.Equal("Gilles", learner.GetTrailer("g"));
    }

    [Fact]
    public void GatewayTrailerIsBoilerplate()
    {
        const string trailer = "---------------- f2m ----------------\n\nPosted through the web forum (http://forum.example.org)\nRead the topic: http://forum.example.org/t/42\n\n---------------- f2m ----------------\n";
        var body = Shape.Checked("Does anyone have the manual?\n\n" + trailer);

        Assert.Equal("own/0 boilerplate/0", Shape.Of(body));
        Assert.Equal("Does anyone have the manual?", Shape.Norm(body.OwnText));
    }

    [Fact]
    public void TagLineWithoutItsClosingTwinIsNoTrailer()
    {
        var body = Shape.Checked("Text.\n\n---------------- notes ----------------\nMore of my own text.\n");

        Assert.Equal("own/0", Shape.Of(body));
    }

    [Fact]
    public void FramedBoxEndingTheMessageIsASignature()
    {
        const string box = "******************************\n*   Example Networks S.L.    *\n*   Tel: +34 900 000 000     *\n*   http://www.example.es    *\n******************************\n";
        var body = Shape.Checked("Fixed the report layout.\n\n" + box + "\n\n");

        Assert.Equal("own/0 signature/0", Shape.Of(body));
        Assert.Equal("Fixed the report layout.", Shape.Norm(body.OwnText));
    }

    [Fact]
    public void FramedBoxWithTextBelowItStaysOwn()
    {
        const string box = "******************************\n*   IMPORTANT: read this     *\n******************************\n";
        var body = Shape.Checked("Intro.\n\n" + box + "\nThe rest of my message.\n");

        Assert.Equal("own/0", Shape.Of(body));
    }

    [Fact]
    public void AttributionWithoutItsColonIsRecognised()
    {
        var body = Shape.Checked("Tomorrow works.\n\nOn Wed, 14 Nov 2018 08:14:43 -0200 Ann Example <ann@example.org> wrote\n\nWhen are you available?\n");

        Assert.Equal("own/0 attribution/0 quote/1", Shape.Of(body));
        Assert.Equal("ann@example.org", Shape.Single(body, SegmentKind.Quote).Author?.Address);
    }

    [Fact]
    public void ProseEndingInWroteStaysOwn()
    {
        var body = Shape.Checked("On Monday I read what Ann at example.org wrote\nand I agree with 2 of her points.\n");

        Assert.Equal("own/0", Shape.Of(body));
    }

    [Fact]
    public void FrenchWebmailHeaderBlockQuotes()
    {
        var body = Shape.Checked("Je regarde.\n\n====\n\nMessage du : 12/12/2016 13:20\nDe : \"Support\" <support@example.fr>\nA : client@example.fr\nCopie à : \nSujet : votre demande\n\nLe texte d'origine.\n");

        Assert.Equal("own/0 attribution/0 quote/1", Shape.Of(body));
        Assert.Equal("Je regarde.", Shape.Norm(body.OwnText));
        Assert.Equal("support@example.fr", Shape.Single(body, SegmentKind.Quote).Author?.Address);
    }
}
