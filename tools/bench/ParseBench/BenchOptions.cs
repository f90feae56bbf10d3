namespace ListArchive.Tools.ParseBench;

/// <summary>Command line: <c>[--corpus PATH] [--repeat N] [--json] [--only read,parse,body,flat,fields] [--pin]</c>.</summary>
internal sealed record BenchOptions(string Corpus, int Repeat, bool Json, IReadOnlySet<string> Phases, bool Pin)
{
    public static readonly string[] AllPhases = ["read", "parse", "body", "flat", "fields"];

    /// <summary>Phases run when <c>--only</c> is not given (<c>fields</c> is a profiling aid).</summary>
    public static readonly string[] DefaultPhases = ["read", "parse", "body", "flat"];

    public static BenchOptions? Parse(string[] args, TextWriter error)
    {
        string? corpus = null;
        var repeat = 5;
        var json = false;
        var pin = false;
        var phases = new HashSet<string>(DefaultPhases);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--corpus" when i + 1 < args.Length:
                    corpus = args[++i];
                    break;
                case "--repeat" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
                    repeat = n;
                    i++;
                    break;
                case "--json":
                    json = true;
                    break;
                case "--pin":
                    pin = true;
                    break;
                case "--only" when i + 1 < args.Length:
                    phases = new HashSet<string>(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    if (phases.Except(AllPhases).FirstOrDefault() is { } unknown)
                    {
                        error.WriteLine($"unknown phase '{unknown}' (known: {string.Join(",", AllPhases)})");
                        return null;
                    }
                    break;
                default:
                    error.WriteLine($"unknown or incomplete option '{args[i]}'");
                    error.WriteLine("usage: ParseBench [--corpus PATH] [--repeat N] [--json] [--only read,parse,body,flat,fields] [--pin]");
                    return null;
            }
        }

        corpus ??= DefaultCorpus();
        if (corpus is null || !(Directory.Exists(corpus) || File.Exists(corpus)))
        {
            error.WriteLine($"corpus not found: {corpus ?? "(no ListArchive.sln above " + AppContext.BaseDirectory + ")"}; pass --corpus PATH");
            return null;
        }

        return new BenchOptions(corpus, repeat, json, phases, pin);
    }

    /// <summary>The twisted-python corpus next to the repository (<c>../shared/corpora</c>, as the tests find it).</summary>
    private static string? DefaultCorpus()
    {
        try
        {
            return ListArchive.Testing.RepoPaths.Corpus("twisted-python-pipermail");
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
