using ListArchive.Web.Rendering;

namespace ListArchive.Web.Tests;

/// <summary>Addresses inside message text are obfuscated like the From line's; prose is left alone.</summary>
public sealed class AddressDisplayTests
{
    [Theory]
    [InlineData("On Fri, parminder <parminder@itforchange.net> wrote:", "On Fri, parminder <p…@itforchange.net> wrote:")]
    [InlineData("mail secretariat at justnetcoalition.org<mailto:secretariat at justnetcoalition.org>", "mail secretariat at justnetcoalition.org<mailto:s… at justnetcoalition.org>")]
    [InlineData("Milton L Mueller milton.mueller at gatech.edu wrote", "Milton L Mueller m… at gatech.edu wrote")]
    [InlineData("From: Milton (milton at gatech.edu)", "From: Milton (m… at gatech.edu)")]
    [InlineData("write to a.b-c+d@lists.example.co.uk today", "write to a…@lists.example.co.uk today")]
    public void Addresses_in_text_are_obfuscated(string text, string expected)
    {
        Assert.Equal(expected, AddressDisplay.ObfuscateText(text));
    }

    [Theory]
    [InlineData("Have a look at example.org for the letter.")]
    [InlineData("We met at noon. The @ sign alone, or user@localhost, is not an address here.")]
    [InlineData("")]
    public void Prose_is_left_alone(string text)
    {
        Assert.Equal(text, AddressDisplay.ObfuscateText(text));
    }
}
