using ListArchive.Mail;

namespace ListArchive.Mail.Tests;

public sealed class SourcePositionTests
{
    [Fact]
    public void ToStringNamesSourceAndOffset() =>
        Assert.Equal("a.mbox@42", new SourcePosition("a.mbox", 42, 10).ToString());
}
