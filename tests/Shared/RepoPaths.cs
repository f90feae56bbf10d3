namespace ListArchive.Testing;

/// <summary>
/// Where the repository and the shared corpora are: walk up from the test binaries to the folder
/// holding ListArchive.sln; the corpora are <c>../shared/corpora</c> beside it. Linked into every
/// test project (tests/Shared). Missing corpora fail the test with a clear message: a corpus test
/// that silently passes would hide a broken checkout.
/// </summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value;

    public static string Repo(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Corpus(params string[] parts)
    {
        var corpora = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpora"));
        if (!Directory.Exists(corpora))
        {
            throw new InvalidOperationException($"corpora missing: expected them at {corpora} (../shared/corpora beside the repository)");
        }

        return Path.Combine([corpora, .. parts]);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ListArchive.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"ListArchive.sln not found above {AppContext.BaseDirectory}");
    }
}
