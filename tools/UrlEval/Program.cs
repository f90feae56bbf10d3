using ListArchive.Tools.UrlEval;

// urleval [--vectors FILE] [--corpora DIR]: pass rate of the URL-unwrapping test vectors per format,
// and per corpus and format the wrapped URLs found, unwrapped, opaque and recipient parameters left
// (docs/url-unwrapping.md).
string? vectors = null, corpora = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--vectors" when i + 1 < args.Length: vectors = args[++i]; break;
        case "--corpora" when i + 1 < args.Length: corpora = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: urleval [--vectors tests/ListArchive.Analysis.Tests/Links/url-vectors.json] [--corpora DIR]");
            return 2;
    }
}

vectors ??= Path.Combine(FindRepo(), "tests", "ListArchive.Analysis.Tests", "Links", "url-vectors.json");
int failed = VectorEval.Run(vectors, Console.Out);
if (corpora is not null) failed += CorpusEval.Run(corpora, Console.Out);
return failed == 0 ? 0 : 1;

static string FindRepo() => ListArchive.Testing.RepoPaths.Root;
