using ListArchive.Tools.CampaignEval;

// campaigneval [--corpora a,b] [--per-corpus N] [--seed S] [--rates 0,5,10,20,40] [--loose-jaccard J] [--loose-containment C] [--loose-min-words N] [--loose-bands B]
// Synthetic campaigns injected into real corpora; B-cubed per edit rate. Docs: docs/campaigns.md §Evaluation.
string[] corpora = ["twisted-python-pipermail", "clearwater-pipermail", "ksummit-discuss-maildir", "usrp-users-mboxrd", "bulmages-main-pipermail"];
int perCorpus = 3000, seed = 8;
int[] rates = [0, 5, 10, 20, 40];
var options = new ListArchive.Analysis.Campaigns.CampaignOptions();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--corpora": corpora = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries); break;
        case "--per-corpus": perCorpus = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--rates": rates = args[i + 1].Split(',').Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray(); break;
        case "--loose-jaccard": options = options with { LooseWordJaccard = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) }; break;
        case "--loose-containment": options = options with { LooseContainment = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) }; break;
        case "--loose-min-words": options = options with { LooseMinWords = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) }; break;
        case "--loose-rows": options = options with { LooseRows = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) }; break;
        case "--loose-bands": options = options with { LooseBands = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) }; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

return Evaluation.Run(corpora, perCorpus, seed, rates, options, Console.Out);
