using System.Text;
using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime;

internal static class TestMessages
{
    /// <summary>UTF-8 bytes of a hand-written message; <c>\n</c> line breaks unless <paramref name="crlf"/>.</summary>
    public static byte[] Bytes(string text, bool crlf = false) =>
        Encoding.UTF8.GetBytes(crlf ? text.Replace("\r\n", "\n").Replace("\n", "\r\n") : text);

    public static MimeMessage Parse(string text, bool crlf = false) => MimeMessage.Parse(Bytes(text, crlf));

    public static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    public static IEnumerable<string> Codes(this MimeMessage m) => m.Diagnostics.Select(d => d.Code);
}
