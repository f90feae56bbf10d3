using System.Text;
using System.Text.RegularExpressions;

namespace ListArchive.Mail.Tests.Mime.Corpus;

/// <summary>
/// TEMPORARY TEST HELPER, not a reader: splits a decompressed pipermail month on whole From_ lines
/// (<c>From user at host  Www Mmm dd hh:mm:ss yyyy</c>, with the localised <c>en</c>/<c>em</c>, or a plain address) so the
/// MIME tests can run on real mail before the real readers exist. Use the readers once they land.
/// </summary>
internal static partial class TemporaryPipermailSplitter
{
    // twisted-python-pipermail 2009-April also has "From bogus@does.not.exist.com  Sun Apr 26 08:47:01 2009".
    [GeneratedRegex(@"^From (\S+ (at|en|em) \S+|\S+@\S+)  \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\r?$")]
    private static partial Regex FromLine();

    public static List<byte[]> Split(byte[] data)
    {
        var list = new List<byte[]>();
        int start = -1;
        for (int pos = 0; pos < data.Length;)
        {
            int nl = Array.IndexOf(data, (byte)'\n', pos);
            int end = nl < 0 ? data.Length : nl;
            int next = nl < 0 ? data.Length : nl + 1;
            if (end - pos > 20 && data[pos] == (byte)'F' && FromLine().IsMatch(Encoding.Latin1.GetString(data, pos, end - pos)))
            {
                if (start >= 0) list.Add(data[start..pos]);
                start = next;
            }
            pos = next;
        }
        if (start >= 0) list.Add(data[start..]);
        return list;
    }
}
