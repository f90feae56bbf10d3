using System.Text;
using ListArchive.Analysis.Links;
using ListArchive.Storage.Raw;

namespace ListArchive.Web.Export;

/// <summary>
/// An mbox of stored messages (a thread, a month) in the mboxrd form (RFC 4155 and the
/// "mboxrd" convention: every body line matching <c>^&gt;*From </c> gets one more '&gt;', so
/// readers can undo it exactly). Each message is served as the raw endpoint serves it: the
/// original bytes with URL rewriters' recipient data removed.
/// </summary>
internal static class MboxWriter
{
    public static byte[] Write(IEnumerable<RawStoredMessage> messages)
    {
        using var output = new MemoryStream();
        foreach (var m in messages)
        {
            var envelope = m.EnvelopeLine is { Length: > 5 } line && line.StartsWith("From ", StringComparison.Ordinal)
                ? line
                : "From MAILER-DAEMON " + m.FirstSeen.UtcDateTime.ToString("ddd MMM d HH:mm:ss yyyy", Rendering.Format.Culture);
            Append(output, Encoding.UTF8.GetBytes(envelope + "\n"));
            var bytes = RawRedactor.RedactRaw(m.Bytes);
            var start = 0;
            while (start < bytes.Length)
            {
                var end = Array.IndexOf(bytes, (byte)'\n', start);
                var next = end < 0 ? bytes.Length : end + 1;
                var lineStart = start;
                var k = lineStart;
                while (k < next && bytes[k] == (byte)'>')
                {
                    k++;
                }

                if (next - k >= 5 && bytes[k] == 'F' && bytes[k + 1] == 'r' && bytes[k + 2] == 'o' && bytes[k + 3] == 'm' && bytes[k + 4] == ' ')
                {
                    output.WriteByte((byte)'>');
                }

                output.Write(bytes, start, next - start);
                start = next;
            }

            if (bytes.Length > 0 && bytes[^1] != '\n')
            {
                output.WriteByte((byte)'\n');
            }

            output.WriteByte((byte)'\n');
        }

        return output.ToArray();
    }

    private static void Append(MemoryStream s, byte[] b) => s.Write(b, 0, b.Length);
}
