namespace ListArchive.Ingest.Tests;

public sealed class ListNamesTests
{
    [Theory]
    [InlineData("Governance list <governance.lists.igcaucus.org>", null, "governance")]
    [InlineData("<ksummit-discuss.lists.linuxfoundation.org>", null, "ksummit-discuss")]
    [InlineData(null, "<mailto:usrp-users@lists.ettus.com>", "usrp-users")]
    public void HeadersNameTheList(string? listId, string? listPost, string expected)
    {
        var headers = (listId is null ? "" : $"List-Id: {listId}\r\n") + (listPost is null ? "" : $"List-Post: {listPost}\r\n");
        var message = Mail.Mime.MimeMessage.Parse(System.Text.Encoding.ASCII.GetBytes($"{headers}Subject: x\r\n\r\nbody\r\n"));
        Assert.Equal(expected, ListNames.Resolve(null, message, "/tmp/x/file.mbox"));
    }

    [Fact]
    public void ExplicitListWins() =>
        Assert.Equal("governance", ListNames.Resolve("Governance", null, "/tmp/x"));

    [Fact]
    public void FolderNameIsTheFallback()
    {
        var message = Mail.Mime.MimeMessage.Parse("Subject: x\r\n\r\nbody\r\n"u8.ToArray());
        Assert.Equal("twisted-python", ListNames.Resolve(null, message, "/data/twisted-python/2003-May.txt.gz"));
    }

    [Theory]
    [InlineData("Twisted Python", "twisted-python")]
    [InlineData("../etc", "etc")]
    [InlineData("", "default")]
    public void NamesAreSafeInUrls(string name, string expected) => Assert.Equal(expected, ListNames.Clean(name));
}
