using ListArchive.Testing;

namespace ListArchive.Storage.Tests.Conformance;

/// <summary>
/// A conformance test over real text (a corpus of ../shared/corpora or the Governance seeds of ../shared/seeds).
/// The suite also runs against a user's Elasticsearch cluster from a checkout that may lack the shared
/// folder, so a missing folder skips the test and says where it was looked for, rather than failing.
/// </summary>
public sealed class RealTextFactAttribute : FactAttribute
{
    public RealTextFactAttribute(string sharedFolder)
    {
        var path = ConformanceCorpus.Shared(sharedFolder);
        if (!Directory.Exists(path))
        {
            Skip = $"real text missing: expected {path} (../shared/{sharedFolder} beside the repository)";
        }
    }
}
