using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime;

public sealed class FlowedTextTests
{
    [Fact]
    public void JoinsSoftBreaks() =>
        Assert.Equal("This is one long paragraph.\nNext.\n", FlowedText.Unflow("This is one \nlong paragraph.\nNext.\n", delSp: false));

    [Fact]
    public void DelSpRemovesTheFlowSpace() =>
        Assert.Equal("Thisword joined\n", FlowedText.Unflow("This \nword joined\n", delSp: true));

    [Fact]
    public void SpaceStuffingRemoved() =>
        Assert.Equal("From here\n>not a quote\n", FlowedText.Unflow(" From here\n >not a quote\n", delSp: false));

    [Fact]
    public void QuotesFlowOnlyAtSameDepth() =>
        Assert.Equal("> quoted text continues\n>> deeper \nown\n", FlowedText.Unflow("> quoted text \n> continues\n>> deeper \nown\n", delSp: false));

    [Fact]
    public void SignatureSeparatorIsNotFlowed() =>
        Assert.Equal("text\n-- \nsig\n", FlowedText.Unflow("text\n-- \nsig\n", delSp: false));

    [Fact]
    public void AppliedToTextPlainBodies()
    {
        var m = TestMessages.Parse("Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\n\nA long line that was wra \npped by the client.\n");
        Assert.Equal("A long line that was wrapped by the client.\n", m.GetBody().Text);
    }
}
