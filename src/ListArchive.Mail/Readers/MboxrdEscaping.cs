namespace ListArchive.Mail.Readers;

/// <summary>
/// mboxrd quoting: a writer adds one <c>&gt;</c> to every line matching <c>^&gt;*From </c>, so a
/// reader removes one from every such line. Unlike mboxo this is reversible.
/// </summary>
internal static class MboxrdEscaping
{
    /// <summary>Returns a copy of <paramref name="message"/> with one <c>&gt;</c> removed from each <c>^&gt;+From </c> line.</summary>
    public static byte[] Unescape(ReadOnlySpan<byte> message)
    {
        // Fast path: no ">From " anywhere, nothing to do.
        var first = message.IndexOf(">From "u8);
        if (first < 0)
        {
            return message.ToArray();
        }

        var output = new byte[message.Length];
        var written = 0;
        var copied = 0;   // message bytes up to here are handled
        var search = first;
        while (search >= 0)
        {
            var hit = copied + search;  // index of a '>' directly before "From "
            var lineStart = hit;
            while (lineStart > 0 && message[lineStart - 1] == '>')
            {
                lineStart--;
            }

            if (lineStart == 0 || message[lineStart - 1] == '\n')
            {
                // Escaped line: copy up to the first '>' and drop it.
                message[copied..lineStart].CopyTo(output.AsSpan(written));
                written += lineStart - copied;
                copied = lineStart + 1;
            }

            var next = hit + 6;
            search = message[next..].IndexOf(">From "u8);
            if (search >= 0)
            {
                search += next - copied;
            }
        }

        message[copied..].CopyTo(output.AsSpan(written));
        written += message.Length - copied;
        return output[..written];
    }
}
