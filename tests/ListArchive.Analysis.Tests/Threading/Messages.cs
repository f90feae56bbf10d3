using ListArchive.Analysis.Threading;

namespace ListArchive.Analysis.Tests.Threading;

internal static class Messages
{
    public static readonly DateTimeOffset Epoch = new(2021, 3, 5, 3, 45, 0, TimeSpan.Zero);

    /// <summary>A message dated <paramref name="minute"/> minutes after <see cref="Epoch"/> (null: undated).</summary>
    public static ThreadInput M(
        string id, int? minute, string[]? refs = null, string[]? irt = null, string? subject = null) =>
        new(id, refs ?? [], irt ?? [], subject ?? "subject of " + id,
            minute is { } m ? Epoch.AddMinutes(m) : null);
}
