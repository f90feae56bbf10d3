using System.Collections;

namespace ListArchive.Mail.Readers;

/// <summary>
/// Reads a file holding exactly one message (<c>.eml</c>, a Maildir file; gzip-compressed or not):
/// yields it once, or nothing with a diagnostic when the file is not mail, empty or too large.
/// A leading From_ line is moved to <see cref="RawMessage.EnvelopeLine"/>.
/// </summary>
public sealed class MessageFileReader : IEnumerable<RawMessage>
{
    private readonly string _path;
    private readonly Action<ReaderDiagnostic>? _diagnostics;

    public MessageFileReader(string path, Action<ReaderDiagnostic>? diagnostics = null)
    {
        _path = path;
        _diagnostics = diagnostics;
    }

    /// <summary>Cap on the message size; a larger file is reported (<c>message-too-large</c>) and skipped.</summary>
    public int MaxMessageBytes { get; init; } = MboxReader.DefaultMaxMessageBytes;

    public IEnumerator<RawMessage> GetEnumerator()
    {
        var data = ReadAll();
        if (data is null)
        {
            yield break;
        }

        if (data.Length == 0)
        {
            Report("empty-source", "the file is empty");
            yield break;
        }

        if (!MessageFile.LooksLikeMessage(data))
        {
            Report("not-mail", "does not start with a header field or a From_ line: skipped");
            yield break;
        }

        yield return MessageFile.Create(data, _path);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private byte[]? ReadAll()
    {
        using var stream = SourceStream.Open(_path, _path, _diagnostics);
        if (stream is FileStream file)
        {
            if (file.Length > MaxMessageBytes)
            {
                Report("message-too-large", $"file larger than {MaxMessageBytes} bytes: skipped");
                return null;
            }

            var bytes = new byte[file.Length];
            var n = file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            return n == bytes.Length ? bytes : bytes[..n];
        }

        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (memory.Length + read > MaxMessageBytes)
            {
                Report("message-too-large", $"message larger than {MaxMessageBytes} bytes: skipped");
                return null;
            }

            memory.Write(buffer, 0, read);
        }

        return memory.ToArray();
    }

    private void Report(string code, string message) =>
        _diagnostics?.Invoke(new ReaderDiagnostic(_path, new MailDiagnostic(code, 0, message)));
}
