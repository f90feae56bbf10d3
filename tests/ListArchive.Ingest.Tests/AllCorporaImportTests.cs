using ListArchive.Testing;

namespace ListArchive.Ingest.Tests;

public sealed class AllCorporaImportTests
{
    /// <summary>
    /// Every corpus under ../shared/corpora imports; every message the readers yield is stored or
    /// counted as a duplicate of a stored one, and importing again stores nothing. 85,224 is the
    /// raw From_/file count over all corpora (../shared/corpora/README.md, "Counts over all corpora").
    /// </summary>
    [Fact]
    public void EveryMessageIsAccountedForAndReimportAddsNothing()
    {
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        var pipeline = new ImportPipeline(archive);
        var corpora = Directory.GetDirectories(RepoPaths.Corpus()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(11, corpora.Count);

        var first = pipeline.Import(corpora);

        Assert.Equal(85_224, first.Read);
        Assert.Equal(first.Read, first.Stored + first.Duplicates + first.RebuildDuplicates);
        Assert.Equal(first.Stored, first.Indexed);
        Assert.Equal(first.Stored, archive.Raw.Count);
        Assert.Equal(first.Stored, ((ListArchive.Storage.Index.SqliteArchiveIndex)archive.Index).MessageCount);
        var stats = archive.Index.GetStats();
        Assert.Equal(first.Stored, stats.Messages);
        Assert.All(stats.Lists, l => Assert.True(l.Threads > 0 && l.Threads <= l.Messages, $"{l.Name}: {l.Threads} threads for {l.Messages} messages"));

        var again = pipeline.Import(corpora);

        Assert.Equal(first.Read, again.Read);
        Assert.Equal(0, again.Stored);
        Assert.Equal(0, again.Indexed);
        Assert.Equal(first.Stored, archive.Raw.Count);
    }
}
