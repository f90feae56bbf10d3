namespace ListArchive.Analysis.Tests.Fixtures;

/// <summary>Finds ../shared/corpora beside the repository (the folder holding ListArchive.sln).</summary>
internal static class CorpusPaths
{
    public static string Corpora
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ListArchive.sln")))
            {
                directory = directory.Parent;
            }

            if (directory is null)
            {
                throw new InvalidOperationException(
                    $"No folder containing ListArchive.sln above {AppContext.BaseDirectory}; cannot locate the corpora.");
            }

            var corpora = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "corpora"));
            if (!Directory.Exists(corpora))
            {
                throw new InvalidOperationException(
                    $"Corpus folder {corpora} is missing: the corpus tests need ../shared/corpora beside the repository.");
            }

            return corpora;
        }
    }
}
