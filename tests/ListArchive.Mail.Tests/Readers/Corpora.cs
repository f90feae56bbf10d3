namespace ListArchive.Mail.Tests.Readers;

/// <summary>Finds the shared corpora: walk up to the folder holding ListArchive.sln, then ../shared/corpora.</summary>
internal static class Corpora
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "ListArchive.sln")))
        {
            dir = dir.Parent;
        }

        Assert.True(dir is not null, $"ListArchive.sln not found above {AppContext.BaseDirectory}");
        var corpora = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir!.FullName, "..", "shared", "corpora"));
        Assert.True(Directory.Exists(corpora), $"corpora missing: expected them at {corpora} (../shared/corpora beside the repository)");
        return corpora;
    }
}
