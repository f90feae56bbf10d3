namespace ListArchive.Tools.MailDiff;

/// <summary>Command-line options (see <see cref="Program"/> for the syntax).</summary>
internal sealed class DiffOptions
{
    public List<string> Corpora { get; } = [];
    public string CorporaRoot { get; set; } = "";
    public string DumpScript { get; set; } = "";
    public string WorkDir { get; set; } = Path.Combine(Path.GetTempPath(), "maildiff");
    public string? Markdown { get; set; }
    public int Samples { get; set; }
    public bool Keep { get; set; }

    /// <summary>Reuse the kept messages and mailparser output of an earlier --keep run (implies --keep).</summary>
    public bool Reuse { get; set; }
    public int Limit { get; set; } = int.MaxValue;
}
