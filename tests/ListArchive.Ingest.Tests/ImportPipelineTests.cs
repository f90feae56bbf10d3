using ListArchive.Storage.Search;
using ListArchive.Testing;

namespace ListArchive.Ingest.Tests;

public sealed class ImportPipelineTests
{
    [Fact]
    public void GovernanceSampleImportsThreadsAndIsIdempotent()
    {
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        var pipeline = new ImportPipeline(archive);
        var sample = RepoPaths.Repo("archives", "governance");

        var first = pipeline.Import([sample]);
        Assert.Equal(["governance"], first.Lists);
        Assert.True(first.Read >= 5, $"read {first.Read}");
        Assert.Equal(first.Read, first.Stored + first.Duplicates + first.RebuildDuplicates);
        Assert.Equal(first.Stored, first.Indexed);

        // The thread of seed 001: parminder's post, his follow-up, Milton's reply — one tree, by In-Reply-To.
        const string root = "adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7@itforchange.net";
        const string milton = "BL0PR07MB54899BE5BB7FC79DD5D28BB404555@BL0PR07MB5489.namprd07.prod.outlook.com";
        var reply = archive.Index.GetMessage(milton, "governance");
        Assert.NotNull(reply);
        Assert.Equal(root, reply.ThreadId);
        Assert.Equal("39de51fd-f944-4da7-ac41-e3854450ac58@itforchange.net", reply.ParentId);
        Assert.Equal(2, reply.Depth);
        Assert.Equal("milton@gatech.edu", reply.From.Address);

        var again = pipeline.Import([sample]);
        Assert.Equal(first.Read, again.Read);
        Assert.Equal(0, again.Stored);
        Assert.Equal(0, again.Indexed);
        Assert.Equal(first.Read, again.Duplicates + again.RebuildDuplicates);
    }

    [Fact]
    public void SearchFindsWordsOfMiltonsReply()
    {
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        new ImportPipeline(archive).Import([RepoPaths.Repo("archives", "governance", "2021-March.txt")], new ImportOptions { List = "governance" });

        var results = archive.Index.Search(SearchQuery.Parse("\"astroturfed list\""), 0, 10);
        var hit = Assert.Single(results.Hits);
        Assert.StartsWith("BL0PR07MB", hit.MessageId);
        Assert.NotEmpty(hit.Snippet.Highlights);
    }

    [Fact]
    public void ListNameComesFromListIdThenFolder()
    {
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        var summary = new ImportPipeline(archive).Import([RepoPaths.Corpus("ksummit-discuss-maildir")]);

        // ksummit's messages carry List-Id: <ksummit-discuss.lists.linuxfoundation.org>.
        Assert.Contains("ksummit-discuss", summary.Lists);
    }
}
