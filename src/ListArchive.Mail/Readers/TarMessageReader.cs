using System.Collections;

namespace ListArchive.Mail.Readers;

/// <summary>
/// Reads a <c>.tar</c>, <c>.tar.gz</c> or <c>.tgz</c> of message files (typically Maildirs) in
/// archive order without unpacking it. Every regular member is one message (as in a Maildir:
/// member files are never split on From_ lines), named <c>archive.tar.gz!member/path</c>; members
/// in a Maildir <c>tmp/</c> folder, obviously non-mail names and members that do not start like a
/// message are skipped with a diagnostic.
/// </summary>
public sealed class TarMessageReader : IEnumerable<RawMessage>
{
    private readonly Func<Stream> _open;
    private readonly string _source;
    private readonly Action<ReaderDiagnostic>? _diagnostics;

    public TarMessageReader(string path, Action<ReaderDiagnostic>? diagnostics = null)
        : this(() => SourceStream.Open(path, path, diagnostics), path, diagnostics)
    {
    }

    /// <param name="open">Opens the (decompressed) tar stream; the reader disposes it.</param>
    /// <param name="source">Names the archive; members are named <c>source!member</c>.</param>
    /// <param name="diagnostics">Receives the problems found; may be null.</param>
    public TarMessageReader(Func<Stream> open, string source, Action<ReaderDiagnostic>? diagnostics = null)
    {
        _open = open;
        _source = source;
        _diagnostics = diagnostics;
    }

    /// <summary>Cap on one member's size; larger members are reported and skipped.</summary>
    public int MaxMessageBytes { get; init; } = MboxReader.DefaultMaxMessageBytes;

    public IEnumerator<RawMessage> GetEnumerator()
    {
        using var stream = _open();
        var tar = new TarReader(stream, _source, _diagnostics, MaxMessageBytes);
        foreach (var member in tar.Members())
        {
            var source = _source + "!" + member.Name;
            var fileName = member.Name[(member.Name.LastIndexOf('/') + 1)..];
            if (IsInMaildirTmp(member.Name) || SourceNames.IsObviouslyNotMail(fileName))
            {
                Report(source, "source-skipped", "not a mail file (by name): skipped");
                continue;
            }

            if (member.Data.Length == 0)
            {
                Report(source, "empty-source", "empty member: skipped");
                continue;
            }

            if (!MessageFile.LooksLikeMessage(member.Data))
            {
                Report(source, "not-mail", "does not start with a header field or a From_ line: skipped");
                continue;
            }

            yield return MessageFile.Create(member.Data, source);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Maildir's tmp/ holds deliveries in progress, not messages (Maildir specification).
    private static bool IsInMaildirTmp(string name) => name.StartsWith("tmp/", StringComparison.Ordinal) || name.Contains("/tmp/", StringComparison.Ordinal);

    private void Report(string source, string code, string message) =>
        _diagnostics?.Invoke(new ReaderDiagnostic(source, new MailDiagnostic(code, 0, message)));
}
