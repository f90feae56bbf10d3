using ListArchive.Storage.Index;

namespace ListArchive.Storage.Tests.Conformance;

/// <summary>
/// The conformance suite of the index port <see cref="IArchiveIndex"/> (issue 10): every backend must
/// return the same results for the same writes. Abstract, so xunit discovers it only through a
/// backend's subclass (<c>SqliteIndexConformanceTests</c> here; the Elasticsearch test project links
/// these files and adds its own). The suite uses only the port and public/internal Storage types, and
/// never depends on relevance scores: only on what matches and on the orders the port documents (the
/// SQLite implementation is the reference where the documentation is silent). Regions live in the
/// partial files IndexConformanceTests.*.cs.
/// </summary>
public abstract partial class IndexConformanceTests : IDisposable
{
    private readonly List<IArchiveIndex> _indexes = [];

    /// <summary>A fresh, empty index; called once or more per test.</summary>
    protected abstract IArchiveIndex CreateIndex();

    /// <summary>Removes what <see cref="CreateIndex"/> created (called after every index of the test is disposed).</summary>
    protected virtual void Cleanup()
    {
    }

    /// <summary>A fresh index disposed at the end of the test.</summary>
    private IArchiveIndex NewIndex()
    {
        var index = CreateIndex();
        _indexes.Add(index);
        return index;
    }

    public void Dispose()
    {
        try
        {
            foreach (var index in _indexes)
            {
                index.Dispose();
            }

            _indexes.Clear();
        }
        finally
        {
            Cleanup();
            GC.SuppressFinalize(this);
        }
    }
}
