using ListArchive.Analysis.Links;

namespace ListArchive.Analysis.Tests.Links;

public sealed class LinkUnwrapperTests
{
    private const string Data = "&data=04%7C01%7Crecipient%40example.org%7Cb4c8944001194bc7858208d8e5e11d64%7C0%7C0%7C637512102923889975&sdata=LINRHD5T4MZ%3D&reserved=0";

    private static string SafeLink(string target) => "https://nam12.safelinks.protection.outlook.com/?url=" + Uri.EscapeDataString(target) + Data;

    [Fact]
    public void Outlook_visible_wrapped_form_folds_to_one_link()
    {
        var target = "https://justnetcoalition.org/big-tech-governing-big-tech.pdf";
        var text = $"See {target}<{SafeLink(target)}> now.";
        var r = LinkUnwrapper.UnwrapText(text);
        Assert.Equal($"See {target} now.", r.Text);
        var link = Assert.Single(r.Links);
        Assert.Equal(target, r.Text.Substring(link.Start, link.Length));
        Assert.Equal(["safelinks"], link.Formats);
    }

    [Fact]
    public void Reader_rendering_text_space_href_folds_when_equal_and_keeps_text_otherwise()
    {
        var target = "https://example.org/letter";
        var same = LinkUnwrapper.UnwrapText($"{target} <{SafeLink(target)}>");
        Assert.Equal(target, same.Text);
        var nextLine = LinkUnwrapper.UnwrapText($"apply: {target}\n<{SafeLink(target)}>\n\nThanks");
        Assert.Equal($"apply: {target}\n\nThanks", nextLine.Text);
        var glued = LinkUnwrapper.UnwrapText($"links:{target}<{SafeLink(target)}>");
        Assert.Equal($"links:{target}", glued.Text);
        var other = LinkUnwrapper.UnwrapText($"the letter <{SafeLink(target)}>.");
        Assert.Equal($"the letter <{target}>.", other.Text);
        var link = Assert.Single(other.Links);
        Assert.Equal(target, other.Text.Substring(link.Start, link.Length));
    }

    [Fact]
    public void Visible_without_scheme_folds_inside_parentheses()
    {
        // clearwater: "Richard Whitehouse (projectclearwater.org<https://urldefense…>)"
        var text = "On Behalf Of Richard (projectclearwater.org<https://urldefense.proofpoint.com/v2/url?u=http-3A__projectclearwater.org&d=DwMF-g&c=abc&r=SyntheticRecipient&m=m&s=s&e=>)";
        Assert.Equal("On Behalf Of Richard (projectclearwater.org)", LinkUnwrapper.UnwrapText(text).Text);
    }

    [Fact]
    public void Bare_url_trailing_punctuation_and_parenthesis_stay_prose()
    {
        var w = "https://protect2.fireeye.com/v1/url?k=abc-def&q=1&e=0000&u=https%3A%2F%2Flwn.net%2FArticles%2F774743%2F";
        var r = LinkUnwrapper.UnwrapText($"Read ({w}). And {w}.");
        Assert.Equal("Read (https://lwn.net/Articles/774743/). And https://lwn.net/Articles/774743/.", r.Text);
        Assert.Equal(2, r.Links.Count);
    }

    [Fact]
    public void Markdown_link_with_parentheses_in_target()
    {
        var target = "https://msdn.microsoft.com/library/cc262787(v=office.16).aspx";
        var r = LinkUnwrapper.UnwrapText($"[docs]({SafeLink(target)}) end");
        Assert.Equal($"[docs]({target}) end", r.Text);
    }

    [Fact]
    public void Markdown_escapes_in_copied_links_are_removed()
    {
        var r = LinkUnwrapper.UnwrapText("[x](https://www.google.com/url?q=https://example.org/a\\_b&sa=D)");
        Assert.Equal("[x](https://example.org/a_b)", r.Text);
    }

    [Fact]
    public void Hard_wrapped_proofpoint_v2_in_quoted_reply_is_rejoined()
    {
        // ksummit 1584139514.0400: Outlook wrapped the URL at '-' and the quote depth changes.
        var text = "> > https://urldefense.proofpoint.com/v2/url?u=https-3A__lists.linuxfoundation.org_pipermail_ksummit-2Ddiscuss_2019-\n"
                 + "> 2DJuly_006582.html&d=DwICAg&c=fP4tf--1dS0biCFlB0saz0I0kjO5v7-GLPtvShAo4cc&r=SyntheticRecipientIdXXXXXXXXXXXXX-\n"
                 + "> INWqfY8MsF0&m=rEcpcrRVZ-R-msxXCoATt2eqeJ0slEmwjZvSIsW2FnA&s=Kdo5ehAJ9pXNz1IVeBciY9CqASsXZ_Ai8NLdSajpDcA&e= )\n"
                 + "> > We will be announcing criteria.\n";
        var r = LinkUnwrapper.UnwrapText(text);
        Assert.Equal("> > https://lists.linuxfoundation.org/pipermail/ksummit-discuss/2019-July/006582.html )\n> > We will be announcing criteria.\n", r.Text);
    }

    [Fact]
    public void Hard_wrapped_bracketed_safelink_in_quote_is_rejoined()
    {
        var wrapped = SafeLink("http://list.etsi.org/scripts/wa.exe?SUBED1=3GPP&A=1");
        var text = "> Tdocs:\n> <" + wrapped[..60] + "\n> " + wrapped[60..130] + "\n>> " + wrapped[130..] + ">\n> Cheers,\n";
        var r = LinkUnwrapper.UnwrapText(text);
        Assert.Equal("> Tdocs:\n> <http://list.etsi.org/scripts/wa.exe?SUBED1=3GPP&A=1>\n> Cheers,\n", r.Text);
    }

    [Fact]
    public void Url_followed_by_quoted_prose_is_not_joined()
    {
        var w = SafeLink("https://example.org/x");
        var r = LinkUnwrapper.UnwrapText("> " + w + "\n> Thanks\n");
        Assert.Equal("> https://example.org/x\n> Thanks\n", r.Text);
    }

    [Fact]
    public void Proofpoint_v3_hint_is_stripped_with_the_wrapper()
    {
        var r = LinkUnwrapper.UnwrapText("see https://urldefense.com/v3/__https://lore.kernel.org/r/1*__;Iw!!org!tok$  [lore[.]kernel[.]org] ok");
        Assert.Equal("see https://lore.kernel.org/r/1# ok", r.Text);
    }

    [Fact]
    public void Html_attributes_with_amp_are_unwrapped_and_escaped()
    {
        var html = "<a href=\"https://urldefense.proofpoint.com/v2/url?u=https-3A__example.org_a-3Fx-3D1-26y-3D2&amp;d=DwMFaQ&amp;c=c&amp;r=SyntheticRecipient&amp;m=m&amp;s=s&amp;e=\">x</a>";
        var r = LinkUnwrapper.UnwrapHtml(html);
        Assert.Equal("<a href=\"https://example.org/a?x=1&amp;y=2\">x</a>", r.Text);
    }

    [Fact]
    public void Look_alike_hosts_are_left_alone()
    {
        var text = "https://safelinks.protection.outlook.com.attacker.test/?url=https%3A%2F%2Fexample.org%2F&data=x";
        var r = LinkUnwrapper.UnwrapText(text);
        Assert.Same(text, r.Text);
        Assert.Empty(r.Links);
    }

    [Fact]
    public void Mimecast_is_kept_flagged_with_hint_and_folded_when_visible_host_matches()
    {
        var kept = LinkUnwrapper.UnwrapText("see https://protect-us.mimecast.com/s/AbCd?domain=example.org now");
        var link = Assert.Single(kept.Links);
        Assert.True(link.IsOpaque);
        Assert.Equal("example.org", link.HostHint);
        Assert.Contains("protect-us.mimecast.com/s/AbCd", kept.Text);

        var folded = LinkUnwrapper.UnwrapText("[https://utsmeet.zoom.us/rec/share/x]<https://url.au.m.mimecastprotect.com/s/AbC?domain=utsmeet.zoom.us>");
        Assert.DoesNotContain("mimecast", folded.Text);
    }

    [Fact]
    public void Linkified_file_name_comes_back_as_text()
    {
        var r = LinkUnwrapper.UnwrapText("run local_termination.sh<https://linkprotect.cudasvc.com/url?a=https%3a%2f%2flocal_termination.sh&c=E,1,tok&typo=1> first");
        Assert.Equal("run local_termination.sh first", r.Text);
    }

    [Fact]
    public void Seed_001_every_link_shows_its_real_target_and_no_address()
    {
        var seed = Directory.GetFiles(Testing.RepoPaths.Repo("..", "shared", "seeds"), "001_*").Single();
        var text = File.ReadAllText(seed);
        Assert.Contains("safelinks", text);
        var r = LinkUnwrapper.UnwrapText(text);
        Assert.DoesNotContain("safelinks", r.Text);
        Assert.DoesNotContain("gatech.edu", r.Text.Replace("@gatech.edu", ""));
        Assert.Empty(RecipientData.Find(r.Text));
        Assert.Contains("https://justnetcoalition.org/big-tech-governing-big-tech.pdf", r.Text);
        Assert.All(r.Links, l => Assert.StartsWith("https://justnetcoalition.org/", l.Target));
    }

    [Fact]
    public void Text_without_wrappers_is_returned_as_is()
    {
        var text = "Plain mail with https://example.org/ and http://lists.example.org/x.";
        var r = LinkUnwrapper.UnwrapText(text);
        Assert.Same(text, r.Text);
        Assert.Empty(r.Links);
    }

    [Fact]
    public void Outlook_truncated_wrapper_display_folds_with_the_real_url_before_it()
    {
        // 3GPP_MENTORING.mbox: "url (https://eur01.safelinks.protection.outlook.com/...)<wrapped>"
        var target = "https://www.3gpp.org/technologies/tutorials-tools";
        var text = $"links: {target} (https://eur01.safelinks.protection.outlook.com/...)<{SafeLink(target)}>\nnext";
        Assert.Equal($"links: {target}\nnext", LinkUnwrapper.UnwrapText(text).Text);
    }

    [Fact]
    public void Safe_link_with_raw_ampersand_after_an_outer_layer_keeps_the_whole_target()
    {
        // 3GPP_TSG_SA_WG4_EVS.mbox: FireEye around a Safe Link whose own separators were not encoded,
        // so the target's '&A=1' and Safe Links' data= became FireEye parameters.
        var w = "https://protect2.fireeye.com/v1/url?k=abc-def&q=1&e=4930cbcb&u=https%3A%2F%2Fcan01.safelinks.protection.outlook.com%2F%3Furl%3Dhttp%253A%252F%252Flist.etsi.org%2Fscripts%2Fwa.exe%3FSUBED1%3D3GPP_TSG_SA_WG4_EVS%26A%3D1&amp;data=04%7C01%7Crecipient%40example.org%7C05a1&amp;sdata=abc&amp;reserved=0";
        var r = UrlUnwrapper.TryUnwrap(w);
        Assert.NotNull(r);
        Assert.Equal("http://list.etsi.org/scripts/wa.exe?SUBED1=3GPP_TSG_SA_WG4_EVS&A=1", r.Target);
        Assert.Contains(RecipientData.Find(w), f => f.Parameter == "data");
        var redacted = RecipientData.Redact(w);
        Assert.DoesNotContain("recipient", redacted);
        Assert.Empty(RecipientData.Find(redacted));
    }

    [Fact]
    public void Quoted_url_ends_at_the_quote_and_an_open_quote_does_not_swallow_prose()
    {
        var w = "https://urldefense.proofpoint.com/v2/url?u=https-3A__www.onsemi.com_pdf_datasheet_nc7sv157-2Dd.pdf&d=DwIF-g&c=org&r=SyntheticRecipient&m=m&s=s&e=";
        // usrp-users: the datasheet link quoted in "…".
        Assert.Equal("4.3V. \"https://www.onsemi.com/pdf/datasheet/nc7sv157-d.pdf\"", LinkUnwrapper.UnwrapText($"4.3V. \"{w}\"").Text);
        Assert.Equal("\"https://www.onsemi.com/pdf/datasheet/nc7sv157-d.pdf said he\"", LinkUnwrapper.UnwrapText($"\"{w} said he\"").Text);
    }
}
