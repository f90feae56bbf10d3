using System.Text;
using ListArchive.Analysis.Segments;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>
/// Finds labelled messages in their corpora and extracts their bodies. Each source file is read
/// once (cached): every message in it is parsed, indexed by Message-ID and position, and fed to
/// two <see cref="TrailerLearner"/>s — one keyed by corpus (the list footer) and one by sender
/// address (signatures an author repeats) — so the segmenter gets the context the archive import
/// would give it. Corpus names: a folder of ../shared/corpora, <c>governance</c> (archives/governance
/// in the repository) or <c>seeds</c> (../shared/seeds, bare bodies without headers).
/// </summary>
internal sealed class LabelledBodies
{
    private readonly Dictionary<string, SourceFile> files = new(StringComparer.Ordinal);
    private readonly TrailerLearner footers = new();
    private readonly TrailerLearner signatures = new();

    /// <summary>The file a label points at.</summary>
    public static string PathOf(string corpus, string file) => corpus switch
    {
        "governance" => RepoPaths.Repo("archives", "governance", file),
        "seeds" => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "seeds", file)),
        _ => RepoPaths.Corpus(corpus, file),
    };

    /// <summary>The labelled message's body, or null (with the reason) when it cannot be found.</summary>
    public LabelledBody? Find(LabelledMessage label, out string? error)
    {
        var source = Load(label.Corpus, label.File);
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
    public SegmenterContext ContextFor(LabelledMessage label, LabelledBody body)
    {
        var signature = body.FromAddress is { } from ? signatures.GetTrailer(from) : null;
        return new SegmenterContext
        {
            HtmlQuotes = body.HtmlQuotes.Count > 0 ? body.HtmlQuotes : null,
            ListFooter = footers.GetTrailer(label.Corpus),
            AuthorSignatures = signature is null ? null : [signature],
        };
    }

    /// <summary>Reads every message of a source once; seeds are one bare body per file.</summary>
    private SourceFile Load(string corpus, string file)
    {
        var path = PathOf(corpus, file);
        if (files.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var source = new SourceFile();
        if (corpus == "seeds")
        {
            // Seeds are documents, not messages: the body is the file's text with '\n' line breaks,
            // which is what MessageBody.Text would give for it.
            var text = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
            source.Bare = new LabelledBody(text, [], null, LabelledLines.Sha256(text));
        }
        else
        {
            foreach (var raw in MailSources.Open(path))
            {
                if (!MimeMessage.TryParse(raw.Bytes, out var message))
                {
                    source.All.Add(new LabelledBody("", [], null, LabelledLines.Sha256("")));
                    continue;
                }

                var body = message.GetBody();
                var from = message.From.Count > 0 ? message.From[0].Address.ToLowerInvariant() : null;
                var labelled = new LabelledBody(body.Text, body.Quotes, from, LabelledLines.Sha256(body.Text));
                source.All.Add(labelled);

                // pipermail months are often doubled by an archive rebuild: the first copy wins.
                if (message.MessageId is { } id)
                {
                    source.ById.TryAdd(id, labelled);
                }

                footers.Add(corpus, body.Text);
                if (from is not null)
                {
                    signatures.Add(from, body.Text);
                }
            }
        }

        files[path] = source;
        return source;
    }

    private sealed class SourceFile
    {
        public List<LabelledBody> All { get; } = [];

        public Dictionary<string, LabelledBody> ById { get; } = new(StringComparer.Ordinal);

        public LabelledBody? Bare { get; set; }
    }
}
