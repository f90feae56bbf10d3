using System.Text;
using ListArchive.Ingest.Imap;

namespace ListArchive.Ingest.Tests.Imap;

public sealed class ImapParserTests
{
    private static ImapResponse Parse(string line, List<ImapDiagnostic>? diagnostics = null) =>
        ImapResponse.Parse([line], [], 64, d => diagnostics?.Add(d));

    [Fact]
    public void StatusResponseCodeAndText()
    {
        var r = Parse("* OK [UIDVALIDITY 3857529045] UIDs valid");
        Assert.Equal(ImapResponseKind.Untagged, r.Kind);
        Assert.Equal("OK", r.Status);
        Assert.Equal(("UIDVALIDITY", "3857529045"), r.CodeParts);
        Assert.Equal("UIDs valid", r.Text);

        var tagged = Parse("LA0003 no [AUTHENTICATIONFAILED] Authentication failed.");
        Assert.Equal(ImapResponseKind.Tagged, tagged.Kind);
        Assert.Equal("NO", tagged.Status);
        Assert.Equal("LA0003", tagged.Tag);
    }

    [Fact]
    public void FetchWithLiteralAndSectionAtom()
    {
        var body = Encoding.ASCII.GetBytes("Subject: hi\r\n\r\nbody\r\n");
        var r = ImapResponse.Parse(["* 12 FETCH (FLAGS (\\Seen) UID 345 BODY[HEADER.FIELDS (FROM TO)] \"x\" BODY[] ", ")"],
            [ImapToken.Literal(body, body.Length)], 64, _ => { });
        Assert.Equal((12u, "FETCH"), r.Data);
        var items = r.Tokens[2].Items;
        Assert.Equal("BODY[HEADER.FIELDS (FROM TO)]", items[4].Text);
        Assert.Equal(ImapTokenKind.Literal, items[7].Kind);
        Assert.Equal(body, items[7].Bytes);
        Assert.True(items[3].TryNumber(out var uid) && uid == 345);
    }

    [Fact]
    public void UnbalancedAndUnclosedInputGivesDiagnosticsNotExceptions()
    {
        var diagnostics = new List<ImapDiagnostic>();
        var r = Parse("* 1 FETCH ((( \"open", diagnostics);
        Assert.Equal((1u, "FETCH"), r.Data);
        Assert.Contains(diagnostics, d => d.Code == "unclosed-quote");
        Assert.Contains(diagnostics, d => d.Code == "unbalanced");

        diagnostics.Clear();
        var deep = Parse("* X " + new string('(', 500), diagnostics);
        Assert.Contains(diagnostics, d => d.Code == "too-deep");
        Assert.Equal("X", deep.Tokens[0].Text);
    }

    [Theory]
    [InlineData("* 1 FETCH (BODY[] {123}", true, 123L, 18)]
    [InlineData("A1 LOGIN {5+}", true, 5L, 9)]
    [InlineData("* 1 FETCH (BINARY[] ~{7}", true, 7L, 20)]
    [InlineData("* OK {not a literal}", false, 0L, 0)]
    [InlineData("* OK }", false, 0L, 0)]
    public void LiteralMarkers(string line, bool isLiteral, long size, int start)
    {
        Assert.Equal(isLiteral, ImapReader.TryLiteralMarker(Encoding.ASCII.GetBytes(line), out var s, out var m, out var invalid));
        Assert.False(invalid);
        Assert.Equal(size, s);
        Assert.Equal(start, m);
    }

    [Fact]
    public void SequenceSetsAndQuotingAndMailboxNames()
    {
        Assert.Equal("1:3,5,7:8", ImapClient.SequenceSet([1, 2, 3, 5, 7, 8]));
        Assert.Equal("\"a\\\\b\\\"c\"", ImapClient.Quote("a\\b\"c"));
        // RFC 3501 §5.1.3's own example.
        Assert.Equal("~peter/mail/&U,BTFw-/&ZeVnLIqe-", ModifiedUtf7.Encode("~peter/mail/台北/日本語"));
        Assert.Equal("Tom &- Jerry", ModifiedUtf7.Encode("Tom & Jerry"));
    }
}
