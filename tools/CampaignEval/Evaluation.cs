using System.Diagnostics;
using System.Globalization;
using ListArchive.Analysis.Campaigns;

namespace ListArchive.Tools.CampaignEval;

/// <summary>
/// For each edit rate: the background corpus plus one synthetic campaign per template (sizes,
/// lists and spreads drawn per campaign, one of 1,000 senders), clustered incrementally in
/// shuffled chunks of 1,000 as an import would, then scored (B-cubed) and flagged.
/// </summary>
internal static class Evaluation
{
    public static int Run(string[] corpora, int perCorpus, int seed, int[] rates, CampaignOptions options, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var background = Background.Load(corpora, perCorpus);
        var tokens = background.SelectMany(m => Injector.Words().Matches(m.Text).Select(x => x.Value)).Where(w => w.All(char.IsLetter)).ToList();
        var vocabulary = tokens.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var templates = Templates.Load(new Random(seed));
        output.WriteLine($"# Campaign evaluation (tools/CampaignEval)\n");
        output.WriteLine($"background: {background.Count:N0} messages of {string.Join(", ", corpora)} (≤ {perCorpus:N0} each); {templates.Count} templates from archives/governance/documents; seed {seed}");
        output.WriteLine($"options: {options}");
        output.WriteLine($"machine: {ListArchive.Tools.MachineInfo.Current()}; load average {ListArchive.Tools.MachineInfo.LoadAverage()}\n");
        output.WriteLine("| edit rate | campaigns | copies | B³ precision | B³ recall | B³ F1 | campaigns flagged | time |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var rate in rates)
        {
            var random = new Random(seed * 1000 + rate);
            var injector = new Injector(random, vocabulary, tokens, background.Select(m => m.Date).Where(d => d.Year > 1990).ToList());
            long nextId = background.Count;
            var injected = new List<EvalMessage>();
            for (var t = 0; t < templates.Count; t++)
            {
                // One campaign of 1,000 senders per rate; the others draw from 3…300.
                var senders = t == 0 ? 1000 : Injector.SenderCounts[random.Next(Injector.SenderCounts.Length - 1)];
                var lists = random.Next(1, 11);
                var spread = Injector.Spreads[random.Next(Injector.Spreads.Length)];
                injected.AddRange(injector.Campaign(t, templates[t], senders, lists, spread, rate / 100.0, ref nextId));
            }

            var all = background.Concat(injected).ToList();
            var order = all.OrderBy(_ => random.Next()).ToList();
            var runClock = Stopwatch.StartNew();
            var store = new InMemoryCampaignStore();
            for (var i = 0; i < order.Count; i += 1000)
            {
                var chunk = order.Skip(i).Take(1000).ToList();
                var sketches = new CampaignSketch?[chunk.Count];
                Parallel.For(0, chunk.Count, k => sketches[k] = CampaignSketch.Create(chunk[k].Text, options, chunk[k].Date));
                store.Add(chunk.Select((m, k) => (m.Id, sketches[k])).ToDictionary(p => p.Id, p => p.Item2), options,
                    members => members.Min().ToString(CultureInfo.InvariantCulture));
            }

            var elapsed = runClock.Elapsed;
            var clusterOf = new Dictionary<long, List<long>>();
            foreach (var members in store.Clusters.Values)
            {
                foreach (var m in members)
                {
                    clusterOf[m] = members;
                }
            }

            var campaignOf = injected.ToDictionary(m => m.Id, m => m.Campaign);
            var (p, r) = BCubed.Score(injected, campaignOf, clusterOf);
            var f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);

            // Flags: the analyzer on each predicted cluster holding injected copies.
            var byId = all.ToDictionary(m => m.Id);
            var flaggedCampaigns = new HashSet<int>();
            foreach (var members in store.Clusters.Values.Where(c => c.Any(campaignOf.ContainsKey)))
            {
                var ms = members.Select(id => byId[id]).Select(m => new CampaignMember(m.Id, "m" + m.Id, m.List, m.Sender, null, m.Sender, m.Date, "", m.Text, [], false)).ToList();
                if (CampaignAnalyzer.Analyze(ms, new Dictionary<string, double>(), options).Flagged)
                {
                    foreach (var id in members.Where(campaignOf.ContainsKey))
                    {
                        flaggedCampaigns.Add(campaignOf[id]);
                    }
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rate}% | {templates.Count} | {injected.Count:N0} | {p:0.000} | {r:0.000} | {f1:0.000} | {flaggedCampaigns.Count}/{templates.Count} | {elapsed.TotalSeconds:0.0} s |"));
        }

        output.WriteLine($"\ntotal {clock.Elapsed.TotalSeconds:0} s");
        return 0;
    }
}
