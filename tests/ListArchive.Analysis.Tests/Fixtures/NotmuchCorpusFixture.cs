using ListArchive.Analysis.Threading;
using ListArchive.Mail;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Analysis.Tests.Fixtures;

/// <summary>
/// notmuch's test corpora (../shared/corpora/notmuch-corpora), read in place from the tarball with
/// ListArchive.Mail's <see cref="TarMessageReader"/> and parsed with <see cref="MimeMessage.Parse(byte[], MimeParserOptions?)"/>:
/// the threader gets exactly the Message-IDs, References, subjects and dates the importer would give it.
/// </summary>
public sealed class NotmuchCorpusFixture
{
    private readonly IReadOnlyList<RawMessage> _messages;

    public NotmuchCorpusFixture()
    {
        Tarball = RepoPaths.Corpus("notmuch-corpora", "notmuch-test-corpora.tar.gz");
        ExpectedDefaultThreads = RepoPaths.Corpus("notmuch-corpora", "expected-threads-default-corpus.txt");
        if (!File.Exists(Tarball) || !File.Exists(ExpectedDefaultThreads))
        {
            throw new InvalidOperationException($"notmuch corpus files are missing: {Tarball}, {ExpectedDefaultThreads}.");
        }

        var problems = new List<ReaderDiagnostic>();
        _messages = [.. new TarMessageReader(Tarball, problems.Add)];
        // The tarball's only non-message member is the corpus README.
        if (problems.Any(p => !p.Source.EndsWith("/README", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"{Tarball} did not read cleanly: {string.Join("; ", problems)}");
        }
    }

    public string Tarball { get; }

    public string ExpectedDefaultThreads { get; }

    /// <summary>Every message file under corpora/<paramref name="subfolder"/>, in ordinal path order.</summary>
    public IReadOnlyList<CorpusMessage> Load(string subfolder)
    {
        var prefix = Tarball + "!corpora/" + subfolder + "/";
        var messages = _messages
            .Where(m => m.Position.Source.StartsWith(prefix, StringComparison.Ordinal))
            .Select(m => Read(m, m.Position.Source[prefix.Length..]))
            .OrderBy(m => m.RelativePath, StringComparer.Ordinal)
            .ToList();
        if (messages.Count == 0)
        {
            throw new InvalidOperationException($"corpora/{subfolder} is not in {Tarball}.");
        }

        return messages;
    }

    private static CorpusMessage Read(RawMessage raw, string relativePath)
    {
        var message = MimeMessage.Parse(raw.Bytes);
        var input = new ThreadInput(
            // Callers must give id-less messages a stable synthetic id (ThreadInput's contract).
            message.MessageId ?? "synthetic:" + relativePath,
            message.References,
            message.InReplyTo,
            message.Subject,
            message.Date);
        return new CorpusMessage(relativePath, input);
    }
}
