using System.Text;
using ListArchive.Analysis.Segments;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>
/// Finds labelled messages in their corpora and extracts their bodies. <see cref="Prepare"/> reads
/// every file of every corpus the labels use once, as the archive import would: every message is
/// parsed and fed to two <see cref="TrailerLearner"/>s — one keyed by list (List-Id, else the
/// corpus: the list footer) and one by sender address (the trailing block an author repeats:
/// signatures, issue 5) — and the bodies of the labelled files are kept, indexed by Message-ID and
/// position. Corpus names: a folder of ../shared/corpora, <c>governance</c> (archives/governance in
/// the repository) or <c>seeds</c> (../shared/seeds, bare bodies without headers).
/// </summary>
internal sealed class LabelledBodies
{
    private readonly Dictionary<string, SourceFile> files = new(StringComparer.Ordinal);
    /// <summary>The importer's windows (src/ListArchive.Ingest/TrailerPass.cs): a list's latest 100 messages, a sender's latest 20.</summary>
    private const int FooterWindow = 100;

    private const int SignatureWindow = 20;

    private readonly HashSet<string> learned = new(StringComparer.Ordinal);
    private readonly HashSet<string> seenIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<string>> footerBodies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<string>> signatureBodies = new(StringComparer.Ordinal);
    private TrailerLearner footers = new();
    private TrailerLearner signatures = new();

    /// <summary>The file a label points at.</summary>
    public static string PathOf(string corpus, string file) => corpus switch
    {
        "governance" => RepoPaths.Repo("archives", "governance", file),
        "seeds" => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "seeds", file)),
        _ => RepoPaths.Corpus(corpus, file),
    };

    /// <summary>The folder of a corpus.</summary>
    public static string RootOf(string corpus) => corpus switch
    {
        "governance" => RepoPaths.Repo("archives", "governance"),
        "seeds" => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "seeds")),
        _ => RepoPaths.Corpus(corpus),
    };

    /// <summary>
    /// The mail files of a corpus (paths relative to its folder), in the order the import reads them
    /// (pipermail months in calendar order, as ListArchive.Mail's SourceNames sorts them): everything but
    /// READMEs, scripts, JSON, expected-result lists and the Governance sample's reference documents.
    /// </summary>
    public static IEnumerable<string> MailFiles(string corpus)
    {
        var root = RootOf(corpus);
        var paths = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .OrderBy(p => Path.GetDirectoryName(p), StringComparer.Ordinal)
            .ThenBy(p => MonthSortKey(Path.GetFileName(p)), StringComparer.Ordinal)
            .ThenBy(p => p, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(".md", StringComparison.Ordinal) || name.EndsWith(".py", StringComparison.Ordinal)
                || name.EndsWith(".json", StringComparison.Ordinal) || name.StartsWith("expected", StringComparison.Ordinal)
                || name.StartsWith('.') || path.Contains("/documents/", StringComparison.Ordinal))
            {
                continue;
            }

            yield return Path.GetRelativePath(root, path);
        }
    }

    /// <summary>Reads the corpora of these labels (learning trailers over all of each) and keeps the labelled files' bodies.</summary>
    public void Prepare(IEnumerable<LabelledMessage> labels)
    {
        foreach (var corpus in labels.GroupBy(l => l.Corpus))
        {
            var needed = corpus.Select(l => l.File).ToHashSet(StringComparer.Ordinal);
            if (corpus.Key == "seeds" || !learned.Add(corpus.Key))
            {
                continue;
            }

            foreach (var file in MailFiles(corpus.Key))
            {
                Read(corpus.Key, file, learn: true, keep: needed.Contains(file));
            }
        }

        // What the import's trailer pass ends with: each key's trailer learned from its latest window.
        footers = Learn(footerBodies);
        signatures = Learn(signatureBodies);
    }

    /// <summary><c>2009-March.txt.gz</c> → <c>2009-03-…</c>: pipermail months in calendar order.</summary>
    public static string MonthSortKey(string name)
    {
        string[] months =
        [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ];
        if (name.Length < 6 || name[4] != '-' || !name[..4].All(char.IsAsciiDigit))
        {
            return name;
        }

        for (var m = 0; m < months.Length; m++)
        {
            var rest = name.AsSpan(5);
            if (rest.StartsWith(months[m], StringComparison.Ordinal)
                && (rest.Length == months[m].Length || !char.IsAsciiLetter(rest[months[m].Length])))
            {
                return $"{name[..4]}-{m + 1:00}-{name[5..]}";
            }
        }

        return name;
    }

    private static TrailerLearner Learn(Dictionary<string, Queue<string>> windows)
    {
        var learner = new TrailerLearner();
        foreach (var (key, bodies) in windows)
        {
            foreach (var body in bodies)
            {
                learner.Add(key, body);
            }
        }

        return learner;
    }

    private static void Remember(Dictionary<string, Queue<string>> windows, string key, string body, int window)
    {
        if (!windows.TryGetValue(key, out var queue))
        {
            windows[key] = queue = new Queue<string>(window);
        }

        if (queue.Count == window)
        {
            queue.Dequeue();
        }

        queue.Enqueue(body);
    }

    /// <summary>The labelled message's body, or null (with the reason) when it cannot be found.</summary>
    public LabelledBody? Find(LabelledMessage label, out string? error)
    {
        var path = PathOf(label.Corpus, label.File);
        if (!files.TryGetValue(path, out var source))
        {
            source = Read(label.Corpus, label.File, learn: false, keep: true);
        }

        error = null;
        if (source.Bare is { } bare)
        {
            return bare;
        }

        if (label.MessageId is { } id)
        {
            if (source.ById.TryGetValue(id.Trim().Trim('<', '>'), out var byId))
            {
                return byId;
            }

            error = $"Message-ID {id} not in {label.Corpus}/{label.File}";
            return null;
        }

        if (label.Index is { } index && index >= 0 && index < source.All.Count)
        {
            return source.All[index];
        }

        error = $"no Message-ID and no valid index for {label.Key}";
        return null;
    }

    /// <summary>The context the archive would give the segmenter for this body.</summary>
    public SegmenterContext ContextFor(LabelledBody body)
    {
        var signature = body.FromAddress is { } from ? signatures.GetTrailer(from) : null;
        return new SegmenterContext
        {
            HtmlQuotes = body.HtmlQuotes.Count > 0 ? body.HtmlQuotes : null,
            ListFooter = footers.GetTrailer(body.ListKey),
            AuthorSignatures = signature is null ? null : [signature],
        };
    }

    /// <summary>Reads one source; seeds are one bare body per file.</summary>
    private SourceFile Read(string corpus, string file, bool learn, bool keep)
    {
        var path = PathOf(corpus, file);
        var source = new SourceFile();
        if (corpus == "seeds")
        {
            // Seeds are documents, not messages: the body is the file's text with '\n' line breaks,
            // which is what MessageBody.Text would give for it.
            var text = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
            source.Bare = new LabelledBody(text, [], null, corpus, LabelledLines.Sha256(text));
        }
        else
        {
            foreach (var raw in MailSources.Open(path))
            {
                if (!MimeMessage.TryParse(raw.Bytes, out var message))
                {
                    if (keep)
                    {
                        source.All.Add(new LabelledBody("", [], null, corpus, LabelledLines.Sha256("")));
                    }

                    continue;
                }

                var body = message.GetBody();
                var from = message.From.Count > 0 ? message.From[0].Address.ToLowerInvariant() : null;
                var listKey = message.ListId ?? corpus;
                // The index keeps one copy of a message (a rebuilt pipermail month repeats it): only the
                // first copy counts towards the windows.
                if (learn && (message.MessageId is not { } mid || seenIds.Add(mid)))
                {
                    Remember(footerBodies, listKey, body.Text, FooterWindow);
                    if (from is not null)
                    {
                        Remember(signatureBodies, from, body.Text, SignatureWindow);
                    }
                }

                if (keep)
                {
                    var labelled = new LabelledBody(body.Text, body.Quotes, from, listKey, LabelledLines.Sha256(body.Text));
                    source.All.Add(labelled);

                    // pipermail months are often doubled by an archive rebuild: the first copy wins.
                    if (message.MessageId is { } id)
                    {
                        source.ById.TryAdd(id, labelled);
                    }
                }
            }
        }

        if (keep)
        {
            files[path] = source;
        }

        return source;
    }

    private sealed class SourceFile
    {
        public List<LabelledBody> All { get; } = [];

        public Dictionary<string, LabelledBody> ById { get; } = new(StringComparer.Ordinal);

        public LabelledBody? Bare { get; set; }
    }
}
