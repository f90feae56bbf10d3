using System.Text.RegularExpressions;

namespace ListArchive.Tools.CampaignEval;

/// <summary>
/// Campaign templates from real texts: the open letter (seed 000), the APC chapter, the DiploAI
/// report and the IGF page of archives/governance/documents, cut into non-overlapping windows of
/// 120–400 words (a letter, a call to action, an announcement are that long).
/// </summary>
internal static partial class Templates
{
    public static List<string> Load(Random random)
    {
        var dir = ListArchive.Testing.RepoPaths.Repo("archives", "governance", "documents");
        var result = new List<string>();
        foreach (var file in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
        {
            var words = Words().Matches(File.ReadAllText(file)).Select(m => m.Value).ToList();
            var i = 0;
            while (i + 120 <= words.Count)
            {
                var n = Math.Min(random.Next(120, 401), words.Count - i);
                result.Add(string.Join(' ', words.Skip(i).Take(n)));
                i += n;
            }
        }

        return result;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();
}
