namespace ListArchive.Tools.MailDiff;

/// <summary>Everything measured on one corpus.</summary>
internal sealed class CorpusResult(string name)
{
    public string Name { get; } = name;
    public int Messages { get; set; }
    public int ReferenceFailures { get; set; }
    public int OurFailures { get; set; }
    public Dictionary<Field, FieldTally> Fields { get; } = Enum.GetValues<Field>().ToDictionary(f => f, _ => new FieldTally());

    /// <summary>Examples per (field, class or "unexplained"), at most the requested number each.</summary>
    public Dictionary<(Field, string), List<Sample>> Samples { get; } = [];

    public void AddSample(Sample s, int max)
    {
        var key = (s.Field, s.Class ?? "unexplained");
        if (!Samples.TryGetValue(key, out var list)) Samples[key] = list = [];
        if (list.Count < max) list.Add(s);
    }
}
