using ListArchive.Storage.Index;
using ListArchive.Testing;

namespace ListArchive.Storage.Tests.Conformance;

/// <summary>The index port's conformance suite on the embedded SQLite index (the reference implementation).</summary>
public sealed class SqliteIndexConformanceTests : IndexConformanceTests
{
    private readonly List<TempDirectory> _directories = [];

    protected override IArchiveIndex CreateIndex()
    {
        var dir = new TempDirectory("listarchive-conformance");
        _directories.Add(dir);
        return SqliteArchiveIndex.Open(dir.Path);
    }

    protected override void Cleanup()
    {
        foreach (var dir in _directories)
        {
            dir.Dispose();
        }

        _directories.Clear();
    }
}
