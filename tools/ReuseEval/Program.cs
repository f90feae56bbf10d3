using ListArchive.Tools.ReuseEval;

// reuseeval [--corpora a,b,c] [--per-corpus N] [--repair N] [--seed S]
// Degraded-quote benchmark and thread repair of issue 6 over ../shared/corpora. Docs: docs/text-reuse.md §7.
string[] corpora = ["twisted-python-pipermail", "bulmages-main-pipermail", "usrp-users-mboxrd", "gpt-usuarios-pipermail", "ksummit-discuss-maildir"];
int perCorpus = 1500, repair = 500, seed = 6;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--corpora": corpora = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries); break;
        case "--per-corpus": perCorpus = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--repair": repair = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

return Evaluation.Run(corpora, perCorpus, repair, seed, Console.Out);
