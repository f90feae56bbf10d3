using ListArchive.Analysis.Identity;

namespace ListArchive.Storage.Tests.Identity;

public sealed class ViaRewriteTests
{
    private static ResolvedAuthor Resolve(
        NamedAddress from,
        NamedAddress[]? replyTo = null,
        NamedAddress[]? cc = null,
        NamedAddress? sender = null,
        NamedAddress? xOriginalFrom = null,
        string? listAddress = null)
    {
        return ViaRewrite.Resolve(new AuthorHeaders(from, replyTo ?? [], cc ?? [], sender, xOriginalFrom, listAddress));
    }

    [Fact]
    public void Plain_from_is_kept()
    {
        var a = Resolve(new NamedAddress("Milton Mueller", "Milton@GaTech.edu"));
        Assert.Equal(new ResolvedAuthor("Milton Mueller", "milton@gatech.edu", ResolvedAuthorEvidence.From), a);
        Assert.False(a.WasRewritten);
    }

    [Fact]
    public void Mailman_munged_from_is_undone_from_reply_to()
    {
        // Mailman 2.1 CookHeaders: From "parminder via Governance <governance@…>", the original
        // From in Reply-To (reply_goes_to_list = 0).
        var a = Resolve(
            new NamedAddress("parminder via Governance", "governance@lists.igcaucus.org"),
            replyTo: [new NamedAddress("parminder", "parminder@itforchange.net")],
            sender: new NamedAddress(null, "governance-bounces@lists.igcaucus.org"));
        Assert.Equal(new ResolvedAuthor("parminder", "parminder@itforchange.net", ResolvedAuthorEvidence.ReplyTo), a);
    }

    [Fact]
    public void When_reply_to_is_the_list_the_original_from_is_the_first_cc()
    {
        var a = Resolve(
            new NamedAddress("Anriette Esterhuysen via Governance", "governance@lists.igcaucus.org"),
            replyTo: [new NamedAddress("Governance", "governance@lists.igcaucus.org")],
            cc: [new NamedAddress("Anriette Esterhuysen", "anriette@apc.org"), new NamedAddress("Other", "other@example.org")]);
        Assert.Equal("anriette@apc.org", a.Address);
        Assert.Equal(ResolvedAuthorEvidence.Cc, a.Evidence);
        Assert.Equal("Anriette Esterhuysen", a.Name);
    }

    [Fact]
    public void Reply_to_entry_matching_the_via_name_wins_over_an_explicit_list_reply_to()
    {
        var a = Resolve(
            new NamedAddress("Jane Roe via Gov", "gov@lists.example.org"),
            replyTo: [new NamedAddress("Moderators", "mods@example.org"), new NamedAddress("Jane Roe", "jane@roe.example")]);
        Assert.Equal("jane@roe.example", a.Address);
    }

    [Fact]
    public void Google_groups_x_original_from_is_used()
    {
        var a = Resolve(
            new NamedAddress("'Jian Cai' via Clang Built Linux", "clang-built-linux@googlegroups.com"),
            replyTo: [new NamedAddress("Jian Cai", "jiancai@google.com")],
            xOriginalFrom: new NamedAddress("Jian Cai", "jiancai@google.com"));
        Assert.Equal(new ResolvedAuthor("Jian Cai", "jiancai@google.com", ResolvedAuthorEvidence.XOriginalFrom), a);
    }

    [Fact]
    public void Unrecoverable_rewrite_keeps_the_name_and_drops_the_list_address()
    {
        var a = Resolve(
            new NamedAddress("parminder via Governance", "governance@lists.igcaucus.org"),
            sender: new NamedAddress(null, "governance-bounces@lists.igcaucus.org"));
        Assert.Equal(new ResolvedAuthor("parminder", null, ResolvedAuthorEvidence.Unrecovered), a);
    }

    [Fact]
    public void The_list_address_as_from_is_not_an_author()
    {
        var a = Resolve(
            new NamedAddress("Governance", "governance@lists.igcaucus.org"),
            replyTo: [new NamedAddress(null, "someone@example.org")],
            listAddress: "<Governance@lists.igcaucus.org>");
        Assert.Equal("someone@example.org", a.Address);
        Assert.Equal(ResolvedAuthorEvidence.ReplyTo, a.Evidence);
    }

    [Fact]
    public void Nameless_poster_placeholder_takes_the_recovered_entrys_name()
    {
        // Mailman uses the address with its domain replaced by "---" when there is no real name.
        var a = Resolve(
            new NamedAddress("jdoe--- via Governance", "governance@lists.igcaucus.org"),
            replyTo: [new NamedAddress(null, "jdoe@example.org")]);
        Assert.Null(a.Name);
        Assert.Equal("jdoe@example.org", a.Address);
    }

    [Theory]
    [InlineData("parminder via Governance", "parminder")]
    [InlineData("'Jian Cai' via Clang Built Linux", "Jian Cai")]
    [InlineData("Vianney Smith", null)]
    [InlineData("via Governance", null)]
    public void Split_via(string name, string? expected)
    {
        Assert.Equal(expected, ViaRewrite.SplitVia(name));
    }
}
