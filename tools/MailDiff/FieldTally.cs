namespace ListArchive.Tools.MailDiff;

/// <summary>Counts for one corpus × field.</summary>
internal sealed class FieldTally
{
    public int Total { get; private set; }
    public int Agree { get; private set; }
    public int Unexplained { get; private set; }
    public SortedDictionary<string, int> Explained { get; } = new(StringComparer.Ordinal);

    public int Disagree => Total - Agree;
    public int ExplainedCount => Explained.Values.Sum();

    public void Add(string? outcome, bool agree)
    {
        Total++;
        if (agree) Agree++;
        else if (outcome is null) Unexplained++;
        else Explained[outcome] = Explained.GetValueOrDefault(outcome) + 1;
    }

    public double AgreePercent => Total == 0 ? 100 : 100.0 * Agree / Total;

    /// <summary>
    /// Agreement not counting the explained disagreements (those where we are right) as disagreements:
    /// (total − unexplained) / total.
    /// </summary>
    public double AgreeExcludingExplainedPercent => Total == 0 ? 100 : 100.0 * (Total - Unexplained) / Total;
}
