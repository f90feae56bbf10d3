using System.Text.RegularExpressions;
using ListArchive.Analysis.Reuse;

namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// Computes the signals of one cluster and decides whether it is flagged (docs/campaigns.md
/// §Signals, §Flags). Review, never act: a flag only puts the cluster on the moderators' page.
/// A pure function of the members (in any order), the lists' normal rates and the options.
/// </summary>
public static partial class CampaignAnalyzer
{
    /// <param name="listRates">Each list's normal rate in messages per hour (over its whole archive).</param>
    public static CampaignSignals Analyze(IReadOnlyList<CampaignMember> members, IReadOnlyDictionary<string, double> listRates, CampaignOptions options)
    {
        var ordered = members.OrderBy(m => m.Date?.UtcTicks ?? long.MaxValue).ThenBy(m => m.MessageId, StringComparer.Ordinal)
            .ThenBy(m => m.List, StringComparer.Ordinal).ToList();
        var senders = ordered.Select(m => m.Sender).Distinct(StringComparer.Ordinal).Count();
        var lists = ordered.Select(m => m.List).Distinct(StringComparer.Ordinal).Count();
        var dated = ordered.Where(m => m.Date is not null).ToList();

        var hashes = ordered.Select(m => TextHash(m.OwnText)).ToList();
        var exact = hashes.GroupBy(h => h).Where(g => g.Count() > 1).Sum(g => g.Count());
        var byId = ordered.GroupBy(m => m.MessageId, StringComparer.Ordinal).Select(g => g.Select(m => m.List).Distinct(StringComparer.Ordinal).Count()).ToList();

        var (windowSenders, windowAt) = MaxSendersInWindow(dated, options.SenderWindow, options.FlagSenders);
        var (lockstep, lockstepAt) = MaxInWindow(dated, options.LockstepWindow, options.LockstepCopies);
        var listsAt = FirstListSpread(dated, options);
        var control = NegativeControls.Classify(ordered, senders);

        var reasons = new List<string>();
        var at = new List<DateTimeOffset>();
        if (windowSenders >= options.FlagSenders)
        {
            reasons.Add($"{windowSenders} senders within {options.SenderWindow.TotalHours:0} h");
            if (windowAt is { } w)
            {
                at.Add(w);
            }
        }

        if (lists >= options.FlagLists && senders >= options.ListSpreadMinSenders)
        {
            reasons.Add($"{lists} lists");
            if (listsAt is { } l)
            {
                at.Add(l);
            }
        }

        // Lockstep counts only when the copies in the window come from at least two senders.
        if (lockstepAt is { } ls)
        {
            reasons.Add($"{lockstep} copies within {options.LockstepWindow.TotalSeconds:0} s");
            at.Add(ls);
        }

        return new CampaignSignals
        {
            Copies = ordered.Count,
            Senders = senders,
            Lists = lists,
            First = dated.FirstOrDefault()?.Date?.ToUniversalTime(),
            Last = dated.LastOrDefault()?.Date?.ToUniversalTime(),
            SendersInWindow = windowSenders,
            Lockstep = lockstep,
            BurstRatio = Burst(dated, listRates),
            ExactCopies = exact,
            CrossPosts = byId.Count(n => n > 1),
            SpreadScore = Math.Round(byId.Sum(n => Math.Sqrt(n)), 2),
            FirstTimeShare = ordered.Count == 0 ? 0 : Math.Round((double)ordered.Count(m => m.FirstTimeSender) / ordered.Count, 3),
            SharedLinks = SharedLinks(ordered),
            SignOn = SignOnMarkers(ordered, senders),
            Control = control,
            Flagged = control is null && reasons.Count > 0,
            Reasons = reasons,
            FlaggedAt = control is null && at.Count > 0 ? at.Min().ToUniversalTime() : null,
        };
    }

    private static ulong TextHash(string text)
    {
        var stream = WordStream.Create(text);
        return StableHash.Gram(stream.Tokens);
    }

    /// <summary>Most distinct senders in a sliding window, and the date at which <paramref name="threshold"/> was first reached.</summary>
    private static (int Max, DateTimeOffset? At) MaxSendersInWindow(List<CampaignMember> dated, TimeSpan window, int threshold)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int max = 0, lo = 0;
        DateTimeOffset? at = null;
        for (var hi = 0; hi < dated.Count; hi++)
        {
            counts[dated[hi].Sender] = counts.GetValueOrDefault(dated[hi].Sender) + 1;
            while (dated[hi].Date!.Value - dated[lo].Date!.Value > window)
            {
                var s = dated[lo++].Sender;
                if (--counts[s] == 0)
                {
                    counts.Remove(s);
                }
            }

            max = Math.Max(max, counts.Count);
            if (at is null && counts.Count >= threshold)
            {
                at = dated[hi].Date;
            }
        }

        return (max, at);
    }

    private static (int Max, DateTimeOffset? At) MaxInWindow(List<CampaignMember> dated, TimeSpan window, int threshold)
    {
        int max = 0, lo = 0;
        DateTimeOffset? at = null;
        for (var hi = 0; hi < dated.Count; hi++)
        {
            while (dated[hi].Date!.Value - dated[lo].Date!.Value > window)
            {
                lo++;
            }

            var n = hi - lo + 1;
            max = Math.Max(max, n);
            if (at is null && n >= threshold && dated.Skip(lo).Take(n).Select(m => m.Sender).Distinct(StringComparer.Ordinal).Count() >= 2)
            {
                at = dated[hi].Date;
            }
        }

        return (max, at);
    }

    private static DateTimeOffset? FirstListSpread(List<CampaignMember> dated, CampaignOptions options)
    {
        var lists = new HashSet<string>(StringComparer.Ordinal);
        var senders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in dated)
        {
            lists.Add(m.List);
            senders.Add(m.Sender);
            if (lists.Count >= options.FlagLists && senders.Count >= options.ListSpreadMinSenders)
            {
                return m.Date;
            }
        }

        return null;
    }

    /// <summary>The busiest hour of copies on one list against that list's normal hourly rate.</summary>
    private static double Burst(List<CampaignMember> dated, IReadOnlyDictionary<string, double> listRates)
    {
        var best = 0.0;
        foreach (var g in dated.GroupBy(m => (m.List, Hour: m.Date!.Value.ToUnixTimeSeconds() / 3600)))
        {
            var rate = listRates.GetValueOrDefault(g.Key.List);
            var ratio = g.Count() / Math.Max(rate, 1.0 / 24);
            best = Math.Max(best, ratio);
        }

        return Math.Round(best, 1);
    }

    private static List<SharedLink> SharedLinks(List<CampaignMember> members)
    {
        var bySenders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var m in members)
        {
            foreach (var link in m.Links.Select(LinkCanonicalizer.Canonicalize).Distinct(StringComparer.Ordinal))
            {
                if (!bySenders.TryGetValue(link, out var set))
                {
                    bySenders[link] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(m.Sender);
            }
        }

        return bySenders.Where(p => p.Value.Count >= 2).Select(p => new SharedLink(p.Key, p.Value.Count))
            .OrderByDescending(l => l.Senders).ThenBy(l => l.Url, StringComparer.Ordinal).Take(20).ToList();
    }

    private static List<string> SignOnMarkers(List<CampaignMember> members, int senders)
    {
        var markers = new List<string>();
        // "Shared by all" in the issue; 80% so that one copy forwarded without the link (governance
        // sample: the post that trimmed the letter) does not hide the form.
        if (senders >= 2)
        {
            foreach (var link in SharedLinks(members).Where(l => l.Senders * 5 >= senders * 4 && FormLink().IsMatch(l.Url)))
            {
                markers.Add($"form or petition link shared by {link.Senders} of {senders} senders: {link.Url}");
            }
        }

        if (members.Count(m => SignOnWording().IsMatch(m.OwnText)) * 2 >= members.Count)
        {
            markers.Add("sign-on wording");
        }

        // A list of signatories that grows from copy to copy: more name-like lines in later copies.
        var names = members.Where(m => m.Date is not null).Select(m => NameLine().Matches(m.OwnText).Count).ToList();
        if (names.Count >= 3 && names[^1] > names[0] && names[0] >= 2)
        {
            markers.Add("growing list of names");
        }

        return markers;
    }

    [GeneratedRegex(@"(forms\.gle|docs\.google\.com/forms|typeform\.com|jotform|surveymonkey|airtable\.com|framaforms|cryptpad\.fr/form|change\.org|avaaz\.org|actionnetwork\.org|[-/_.](petition|sign|signup|endorse|form)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormLink();

    [GeneratedRegex(@"\b(sign[- ]?on|add (your|the name of your) (name|signature|organi[sz]ation)|endorse (this|the)|signator(y|ies)|co-?sign|sign (the|this|our) (open )?(letter|petition|statement))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignOnWording();

    [GeneratedRegex(@"^\s*(\d+[.)]\s+)?[A-Z][\p{L}.'-]+( [A-Z][\p{L}.'-]+){1,3}\s*[,(–-]\s*\S.{0,80}$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NameLine();
}
