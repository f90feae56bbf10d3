using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime;

public sealed class AddressParserTests
{
    private static MailAddress One(string value) => Assert.Single(AddressParser.Parse(value));

    [Theory]
    [InlineData("John Doe <john@example.com>", "John Doe", "john@example.com")]
    [InlineData("\"Doe, John\" <john@example.com>", "Doe, John", "john@example.com")]
    [InlineData("john@example.com (John Doe)", "John Doe", "john@example.com")]
    [InlineData("<john@example.com>", null, "john@example.com")]
    [InlineData("john@example.com", null, "john@example.com")]
    [InlineData("\"Some One\" <zzz@cse.unl.edu>", "Some One", "zzz@cse.unl.edu")]
    [InlineData("John (the man) Doe <john@example.com>", "John Doe", "john@example.com")]
    [InlineData("\"John \\\"JD\\\" Doe\" <john@example.com>", "John \"JD\" Doe", "john@example.com")]
    [InlineData("John Doe <@relay.example:john@example.com>", "John Doe", "john@example.com")] // obs-route
    [InlineData("John Doe <mailto:john@example.com>", "John Doe", "john@example.com")]
    [InlineData("John Doe john@example.com", "John Doe", "john@example.com")] // missing brackets
    [InlineData("John Doe <john@example.com> (work) trailing junk", "John Doe", "john@example.com")]
    [InlineData("=?ISO-8859-1?Q?Ra=FCl_Mart=EDnez?= <raul@example.com>", "Raül Martínez", "raul@example.com")]
    [InlineData("\"=?utf-8?q?Ren=C3=A9?=\" <rene@example.com>", "René", "rene@example.com")]
    [InlineData("root", null, "root")]
    [InlineData(" <xxx@korea.com>", null, "xxx@korea.com")]
    [InlineData("\"list@example.org\\\" <list@example.org>", null, "list@example.org")] // unterminated quote, ksummit-discuss
    [InlineData("\"Board\\\" <board@example.org>", "Board", "board@example.org")]
    public void Mailboxes(string value, string? name, string address)
    {
        var a = One(value);
        Assert.Equal(name, a.Name);
        Assert.Equal(address, a.Address);
        Assert.False(a.Deobfuscated);
    }

    [Theory]
    [InlineData("glyph at twistedmatrix.com (Glyph Lefkowitz)", "Glyph Lefkowitz", "glyph@twistedmatrix.com")]
    [InlineData("fcojavmc en todo-redes.com (Fco. Javier M. C.)", "Fco. Javier M. C.", "fcojavmc@todo-redes.com")] // bulmages-main
    [InlineData("thiago.silva em kdemail.net (Thiago Silva)", "Thiago Silva", "thiago.silva@kdemail.net")] // gpt-usuarios
    [InlineData("hostmaster at arin.net (hostmaster at arin.net)", null, "hostmaster@arin.net")] // arin-issued
    [InlineData("vondruch at redhat.com (=?ISO-8859-2?Q?V=EDt_Ondruch?=)", "Vít Ondruch", "vondruch@redhat.com")] // hyperkitty non-ascii-headers
    [InlineData("washort at iceman (Allen Short)", "Allen Short", "washort@iceman")] // twisted-python 2002
    [InlineData("Trey <trey at example.com>", "Trey", "trey@example.com")]
    public void PipermailObfuscation(string value, string? name, string address)
    {
        var a = One(value);
        Assert.Equal(name, a.Name);
        Assert.Equal(address, a.Address);
        Assert.True(a.Deobfuscated);
    }

    [Fact]
    public void ListsAndUnquotedCommas()
    {
        var list = AddressParser.Parse("a@example.com, Doe, John <john@example.com>, \"B, C\" <bc@example.com>,, d@example.com");
        Assert.Equal(["a@example.com", "john@example.com", "bc@example.com", "d@example.com"], list.Select(a => a.Address));
        Assert.Equal("Doe, John", list[1].Name);
    }

    [Fact]
    public void Groups()
    {
        var list = AddressParser.Parse("Team: a@example.com, B <b@example.com>;, c@example.com, undisclosed-recipients:;");
        Assert.Equal(3, list.Count);
        Assert.Equal("Team", list[0].Group);
        Assert.Equal("Team", list[1].Group);
        Assert.Null(list[2].Group);
    }

    [Fact]
    public void ListservCensoredAddress()
    {
        // bigbang-testdata 3GPP_MENTORING.mbox: "from: John M Meredith <[log in to unmask]>".
        var problems = new List<string>();
        var a = Assert.Single(AddressParser.Parse("John M Meredith <[log in to unmask]>", problems));
        Assert.Equal(new MailAddress("John M Meredith", ""), a);
        Assert.Contains("address-invalid", problems);
    }

    [Fact]
    public void NameOnlyIsKeptWithEmptyAddress()
    {
        var problems = new List<string>();
        var a = Assert.Single(AddressParser.Parse("Just A Name", problems));
        Assert.Equal("Just A Name", a.Name);
        Assert.Equal("", a.Address);
        Assert.Contains("address-invalid", problems);
    }

    [Fact]
    public void FromHeaderOnMessage()
    {
        var m = TestMessages.Parse("From: glyph at twistedmatrix.com (Glyph)\nTo: list@example.com, other@example.com\nCc: x@example.com\nReply-To: r@example.com\nSender: s@example.com\n\n");
        Assert.Equal("glyph@twistedmatrix.com", m.From[0].Address);
        Assert.Equal(2, m.To.Count);
        Assert.Equal("x@example.com", m.Cc[0].Address);
        Assert.Equal("r@example.com", m.ReplyTo[0].Address);
        Assert.Equal("s@example.com", m.Sender!.Address);
    }
}
