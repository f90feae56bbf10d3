using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime;

public sealed class MessageIdParserTests
{
    [Theory]
    [InlineData("<abc@example.com>", "abc@example.com")]
    [InlineData("  <abc@example.com>  (comment)", "abc@example.com")]
    [InlineData("abc@example.com", "abc@example.com")] // no brackets
    [InlineData("<msg1>", "msg1")]
    [InlineData("12345.abc", "12345.abc")]
    [InlineData("<abc@exa\r\n mple.com>", "abc@example.com")]
    public void Single(string value, string expected) => Assert.Equal(expected, MessageIdParser.ParseSingle(value));

    [Fact]
    public void ReferencesWithJunk()
    {
        Assert.Equal(["a@x", "b@x", "c@x"], MessageIdParser.ParseList("<a@x> junk <b@x>\r\n\t<c@x> \"quoted <not@id>\" <b@x>"));
    }

    [Fact]
    public void InReplyToForms()
    {
        // hyperkitty strange-in-reply-to-header.txt
        Assert.Equal(["200704070053.46646.other.person@example.com"],
            MessageIdParser.ParseList("Other person's message of  Saturday, 7 April 2007 00:53:46 +0300 <200704070053.46646.other.person@example.com>"));
        Assert.Equal(["id@host"], MessageIdParser.ParseList("<id@host> (from Name's message of Mon, 1 Jan 2001)"));
        // hyperkitty wrong-in-reply-to-header.txt: unclosed bracket
        Assert.Equal(["200704070053.46646.other.person@example"], MessageIdParser.ParseList("<200704070053.46646.other.person@example"));
        Assert.Equal(["a@x", "b@x"], MessageIdParser.ParseList("<a@x <b@x>"));
        Assert.Empty(MessageIdParser.ParseList("your message of yesterday"));
    }

    [Fact]
    public void MessageProperties()
    {
        var m = TestMessages.Parse("Message-ID: <m@x>\nIn-Reply-To: <p@x>\nReferences: <r@x>\n <p@x>\n\n");
        Assert.Equal("m@x", m.MessageId);
        Assert.Equal(["p@x"], m.InReplyTo);
        Assert.Equal(["r@x", "p@x"], m.References);
    }
}
