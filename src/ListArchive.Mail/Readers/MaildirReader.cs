using System.Collections;

namespace ListArchive.Mail.Readers;

/// <summary>
/// Reads one Maildir (the files of <c>cur/</c> then <c>new/</c>, each sorted by name; <c>tmp/</c>
/// ignored) or, when the folder has neither <c>cur/</c> nor <c>new/</c>, a plain folder of
/// message files (not recursive: see <see cref="MailSources.Open"/> for that). Each file is one
/// message. A missing <c>cur/</c> or <c>tmp/</c> is fine: ksummit-discuss-maildir has only
/// <c>new/</c> because git keeps no empty folders.
/// </summary>
public sealed class MaildirReader : IEnumerable<RawMessage>
{
    private readonly string _folder;
    private readonly Action<ReaderDiagnostic>? _diagnostics;

    public MaildirReader(string folder, Action<ReaderDiagnostic>? diagnostics = null)
    {
        _folder = folder;
        _diagnostics = diagnostics;
    }

    /// <summary>True when <paramref name="folder"/> has a <c>cur/</c> or <c>new/</c> subfolder.</summary>
    public static bool IsMaildir(string folder) =>
        Directory.Exists(Path.Combine(folder, "cur")) || Directory.Exists(Path.Combine(folder, "new"));

    public IEnumerator<RawMessage> GetEnumerator()
    {
        IEnumerable<string> folders = IsMaildir(_folder)
            ? [Path.Combine(_folder, "cur"), Path.Combine(_folder, "new")]
            : [_folder];
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in SourceNames.Sorted(Directory.EnumerateFiles(folder)))
            {
                foreach (var message in MailSources.Guard(new MessageFileReader(file, _diagnostics), file, _diagnostics))
                {
                    yield return message;
                }
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
