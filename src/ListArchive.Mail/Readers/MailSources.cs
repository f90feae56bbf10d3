namespace ListArchive.Mail.Readers;

/// <summary>
/// The one entry point for files and folders: <see cref="Open"/> takes any path and yields every
/// message in it, choosing the reader for each file by its content (gzip magic, tar header, From_
/// line or header field), not by its name.
/// </summary>
public static class MailSources
{
    private const int SniffBytes = 4096;

    /// <summary>
    /// Yields all messages under <paramref name="path"/>: a file (mbox, mboxrd, pipermail month,
    /// single message, tar, each optionally gzip-compressed) or a folder, read recursively in a
    /// stable order (names sorted ordinally, pipermail months in calendar order). In a folder, files
    /// inside <c>cur/</c> and <c>new/</c> are Maildir messages (one per file), <c>tmp/</c> is
    /// skipped, and files that are obviously not mail (README.md, .html, …) or not recognised are
    /// skipped with a diagnostic. Nothing is thrown for bad content or unreadable files.
    /// </summary>
    public static IEnumerable<RawMessage> Open(string path, Action<ReaderDiagnostic>? diagnostics = null)
    {
        if (Directory.Exists(path))
        {
            return ReadFolder(path, diagnostics);
        }

        if (File.Exists(path))
        {
            return ReadFile(path, diagnostics, explicitFile: true);
        }

        Report(diagnostics, path, "source-not-found", "no such file or folder");
        return [];
    }

    /// <summary>What <see cref="Open"/> would take <paramref name="path"/> to be.</summary>
    public static MailSourceFormat Detect(string path)
    {
        if (Directory.Exists(path))
        {
            return MailSourceFormat.Folder;
        }

        if (!File.Exists(path))
        {
            return MailSourceFormat.Unknown;
        }

        try
        {
            return Sniff(SourceStream.ReadPrefix(path, SniffBytes), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return MailSourceFormat.Unknown;
        }
    }

    /// <summary>Classifies the (decompressed) start of a file.</summary>
    internal static MailSourceFormat Sniff(ReadOnlySpan<byte> prefix, string name)
    {
        if (TarReader.IsTarHeader(prefix))
        {
            return MailSourceFormat.Tar;
        }

        // A UTF-8 byte order mark and leading blank lines are tolerated (the splitter skips them too).
        if (prefix.StartsWith("\uFEFF"u8))
        {
            prefix = prefix[3..];
        }

        var start = prefix.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            return MailSourceFormat.Unknown;
        }

        var text = prefix[start..];
        var newline = text.IndexOf((byte)'\n');
        var line = newline < 0 ? text : text[..newline];
        var isEml = name.EndsWith(".eml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".eml.gz", StringComparison.OrdinalIgnoreCase);
        if (!isEml && FromLine.TryParse(line, out var senderTokens))
        {
            return MboxSplitter.SniffVariant(line, senderTokens, name) switch
            {
                MboxVariant.Pipermail => MailSourceFormat.Pipermail,
                MboxVariant.Mboxrd => MailSourceFormat.Mboxrd,
                _ => MailSourceFormat.Mboxo,
            };
        }

        return start == 0 && MessageFile.LooksLikeMessage(prefix) ? MailSourceFormat.Message : MailSourceFormat.Unknown;
    }

    /// <summary>Enumerates <paramref name="inner"/>, turning an I/O failure into a diagnostic that ends it.</summary>
    internal static IEnumerable<RawMessage> Guard(IEnumerable<RawMessage> inner, string source, Action<ReaderDiagnostic>? diagnostics)
    {
        IEnumerator<RawMessage>? enumerator = null;
        try
        {
            while (true)
            {
                RawMessage message;
                try
                {
                    enumerator ??= inner.GetEnumerator();
                    if (!enumerator.MoveNext())
                    {
                        break;
                    }

                    message = enumerator.Current;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Report(diagnostics, source, "read-error", $"cannot read ({e.GetType().Name}): the rest of this source is skipped");
                    break;
                }

                yield return message;
            }
        }
        finally
        {
            enumerator?.Dispose();
        }
    }

    private static IEnumerable<RawMessage> ReadFolder(string folder, Action<ReaderDiagnostic>? diagnostics)
    {
        var isMaildirPart = Path.GetFileName(folder) is "cur" or "new";
        IEnumerable<string> entries;
        try
        {
            entries = SourceNames.Sorted(Directory.EnumerateFileSystemEntries(folder)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report(diagnostics, folder, "read-error", $"cannot list the folder ({e.GetType().Name}): skipped");
            yield break;
        }

        foreach (var entry in entries)
        {
            IEnumerable<RawMessage> messages;
            if (Directory.Exists(entry))
            {
                // Maildir tmp/ holds deliveries in progress, not messages.
                if (Path.GetFileName(entry) == "tmp" && MaildirReader.IsMaildir(folder))
                {
                    continue;
                }

                messages = ReadFolder(entry, diagnostics);
            }
            else if (isMaildirPart && MaildirReader.IsMaildir(Path.GetDirectoryName(folder)!))
            {
                messages = Guard(new MessageFileReader(entry, diagnostics), entry, diagnostics);
            }
            else
            {
                messages = ReadFile(entry, diagnostics, explicitFile: false);
            }

            foreach (var message in messages)
            {
                yield return message;
            }
        }
    }

    private static IEnumerable<RawMessage> ReadFile(string file, Action<ReaderDiagnostic>? diagnostics, bool explicitFile)
    {
        if (!explicitFile && SourceNames.IsObviouslyNotMail(Path.GetFileName(file)))
        {
            Report(diagnostics, file, "source-skipped", "not a mail file (by name): skipped");
            return [];
        }

        byte[] prefix;
        try
        {
            prefix = SourceStream.ReadPrefix(file, SniffBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report(diagnostics, file, "read-error", $"cannot read ({e.GetType().Name}): skipped");
            return [];
        }

        if (prefix.Length == 0)
        {
            Report(diagnostics, file, "empty-source", "the file is empty");
            return [];
        }

        IEnumerable<RawMessage> reader = Sniff(prefix, file) switch
        {
            MailSourceFormat.Tar => new TarMessageReader(file, diagnostics),
            MailSourceFormat.Mboxo => new MboxReader(file, MboxVariant.Mboxo, diagnostics),
            MailSourceFormat.Mboxrd => new MboxReader(file, MboxVariant.Mboxrd, diagnostics),
            MailSourceFormat.Pipermail => new MboxReader(file, MboxVariant.Pipermail, diagnostics),
            MailSourceFormat.Message => new MessageFileReader(file, diagnostics),
            _ => [],
        };

        if (reader is RawMessage[])
        {
            Report(diagnostics, file, "not-mail", "not recognised as mbox, pipermail, tar or a message: skipped");
        }

        return Guard(reader, file, diagnostics);
    }

    private static void Report(Action<ReaderDiagnostic>? diagnostics, string source, string code, string message) =>
        diagnostics?.Invoke(new ReaderDiagnostic(source, new MailDiagnostic(code, -1, message)));
}
