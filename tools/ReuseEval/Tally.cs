namespace ListArchive.Tools.ReuseEval;

/// <summary>Counts of one corpus (or all): characters for span P/R/F1, spans and quote segments for origin accuracy, thread repair.</summary>
internal sealed class Tally
{
    public int Replies { get; set; }

    public long TruthChars { get; set; }

    public long PredictedChars { get; set; }

    public long TruePositiveChars { get; set; }

    public long OriginCorrectChars { get; set; }

    public int Spans { get; set; }

    public int SpansCorrect { get; set; }

    public int SpansStrict { get; set; }

    public int RepairWrongAncestor { get; set; }

    public int Segments { get; set; }

    public int SegmentsCorrect { get; set; }

    public int SegmentsUnattributed { get; set; }

    public int RepairSample { get; set; }

    public int RepairCorrect { get; set; }

    public int RepairWrong { get; set; }

    public int RepairCorrectAny { get; set; }

    public int RepairWrongAny { get; set; }

    public double Precision => PredictedChars == 0 ? 0 : (double)TruePositiveChars / PredictedChars;

    public double Recall => TruthChars == 0 ? 0 : (double)TruePositiveChars / TruthChars;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(Tally other)
    {
        Replies += other.Replies;
        TruthChars += other.TruthChars;
        PredictedChars += other.PredictedChars;
        TruePositiveChars += other.TruePositiveChars;
        OriginCorrectChars += other.OriginCorrectChars;
        Spans += other.Spans;
        SpansCorrect += other.SpansCorrect;
        SpansStrict += other.SpansStrict;
        RepairWrongAncestor += other.RepairWrongAncestor;
        Segments += other.Segments;
        SegmentsCorrect += other.SegmentsCorrect;
        SegmentsUnattributed += other.SegmentsUnattributed;
        RepairSample += other.RepairSample;
        RepairCorrect += other.RepairCorrect;
        RepairWrong += other.RepairWrong;
        RepairCorrectAny += other.RepairCorrectAny;
        RepairWrongAny += other.RepairWrongAny;
    }
}
