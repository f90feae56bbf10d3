using System.Text;
using System.Text.RegularExpressions;

namespace ListArchive.Tools.CampaignEval;

/// <summary>
/// Synthetic campaigns (issue 8; research note Part 6(b) "Recall by injection"): a template taken
/// from a real open letter or report, copied by n senders over L lists within a spread, each copy
/// with token edits at rate e (substitution 60%, deletion 20%, insertion 20%; words drawn from the
/// corpus vocabulary) and, half the time, a personal paragraph of up to 200 words on top.
/// </summary>
internal sealed partial class Injector(Random random, IReadOnlyList<string> vocabulary, IReadOnlyList<string> tokens, IReadOnlyList<DateTimeOffset> dates)
{
    public static readonly int[] SenderCounts = [3, 5, 10, 30, 100, 300, 1000];
    public static readonly TimeSpan[] Spreads = [TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(14)];

    public List<EvalMessage> Campaign(int campaign, string template, int senders, int lists, TimeSpan spread, double editRate, ref long nextId)
    {
        // Starts at the date of a random corpus message: campaigns land among the real mail of their time.
        var start = dates[random.Next(dates.Count)];
        var copies = new List<EvalMessage>(senders);
        var words = Words().Matches(template).Select(m => m.Value).ToList();
        for (var s = 0; s < senders; s++)
        {
            var text = new StringBuilder();
            if (random.NextDouble() < 0.5)
            {
                text.Append(Personal(random.Next(1, 201))).Append("\n\n");
            }

            text.Append(Edit(words, editRate));
            var date = start + TimeSpan.FromTicks((long)(random.NextDouble() * spread.Ticks));
            copies.Add(new EvalMessage(nextId++, $"campaign-list-{random.Next(lists)}", $"sender{campaign}-{s}@example.org", date, text.ToString(), campaign));
        }

        return copies;
    }

    private string Edit(List<string> words, double rate)
    {
        var sb = new StringBuilder();
        var col = 0;
        void Put(string w)
        {
            sb.Append(w);
            col += w.Length + 1;
            sb.Append(col > 72 ? '\n' : ' ');
            if (col > 72)
            {
                col = 0;
            }
        }

        foreach (var w in words)
        {
            if (random.NextDouble() >= rate)
            {
                Put(w);
                continue;
            }

            var kind = random.NextDouble();
            if (kind < 0.6)
            {
                Put(vocabulary[random.Next(vocabulary.Count)]);
            }
            else if (kind < 0.8)
            {
                continue;
            }
            else
            {
                Put(w);
                Put(vocabulary[random.Next(vocabulary.Count)]);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// <paramref name="n"/> words drawn by frequency from the corpus's own texts: the words of real
    /// mail, but no real message's sentences (a copied sentence would make the copy a genuine copy of
    /// that message, and every campaign sharing a source message would merge).
    /// </summary>
    private string Personal(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => tokens[random.Next(tokens.Count)]));

    [GeneratedRegex(@"\S+")]
    public static partial Regex Words();
}
