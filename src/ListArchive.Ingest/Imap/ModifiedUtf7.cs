using System.Text;

namespace ListArchive.Ingest.Imap;

/// <summary>
/// Mailbox names in RFC 3501 §5.1.3 "modified UTF-7": printable ASCII as is ('&amp;' as "&amp;-"),
/// other characters as UTF-16 in modified base64 ('/' → ',') between '&amp;' and '-'.
/// </summary>
internal static class ModifiedUtf7
{
    public static string Encode(string name)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < name.Length)
        {
            var c = name[i];
            if (c == '&')
            {
                sb.Append("&-");
                i++;
            }
            else if (c is >= (char)0x20 and <= (char)0x7e)
            {
                sb.Append(c);
                i++;
            }
            else
            {
                var start = i;
                while (i < name.Length && (name[i] < 0x20 || name[i] > 0x7e))
                {
                    i++;
                }

                var utf16 = Encoding.BigEndianUnicode.GetBytes(name[start..i]);
                sb.Append('&').Append(Convert.ToBase64String(utf16).TrimEnd('=').Replace('/', ',')).Append('-');
            }
        }

        return sb.ToString();
    }
}
