using System.Reflection;
using ListArchive.Elasticsearch.Tests.Emulator;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Storage.Index;
using ListArchive.Storage.Tests.Conformance;

namespace ListArchive.Elasticsearch.Tests.Contract;

/// <summary>
/// Issue 10's contract check as the issue words it: every request the backend sends while the index port's
/// conformance suite runs is recorded (as JSON lines, through <see cref="RecordingHandler"/>) and validated
/// by ../shared/tools/es-contract-check.py against Elasticsearch's published specification — 0 invalid.
/// The suite's tests are run here one by one on a recording in-memory cluster; identical requests (the
/// index creations every test repeats) are checked once.
/// </summary>
public sealed class ConformanceContractTests
{
    [ContractFact]
    public void Every_request_the_conformance_suite_sends_is_valid_by_the_specification()
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        var ran = 0;
        foreach (var test in typeof(IndexConformanceTests).GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (test.GetCustomAttribute<FactAttribute>() is not { Skip: null })
            {
                continue;
            }

            using (var suite = new RecordingConformance())
            {
                if (test.Invoke(suite, null) is Task task)
                {
                    task.GetAwaiter().GetResult();
                }

                lines.UnionWith(suite.Lines());
            }

            ran++;
        }

        Assert.True(ran >= 90, $"only {ran} conformance tests found");
        Assert.Contains(lines, l => l.Contains("\"/_bulk", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"aggregations\"", StringComparison.Ordinal));
        using var recorder = new ContractRecorder();
        foreach (var line in lines)
        {
            recorder.Add(line);
        }

        var check = recorder.Check();
        var failures = string.Join("\n", check.Output.Split('\n').Where(l => l.StartsWith("[FAIL]", StringComparison.Ordinal) || l.StartsWith("      ->", StringComparison.Ordinal)));
        Assert.True(check.ExitCode == 0, $"contract check failed (exit {check.ExitCode}) over the conformance suite's requests:\n{failures}");
        Assert.Equal(lines.Count, check.Checked);
    }

    /// <summary>The conformance suite on in-memory clusters whose requests are recorded.</summary>
    private sealed class RecordingConformance : IndexConformanceTests
    {
        private readonly StringWriter _log = new();
        private readonly List<IDisposable> _stores = [];

        public IEnumerable<string> Lines()
        {
            lock (_log)
            {
                return _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        protected override IArchiveIndex CreateIndex()
        {
            var handler = new RecordingHandler(TextWriter.Synchronized(_log), new FakeElasticsearch());
            var (raw, index) = ElasticsearchBackend.Open(new EsOptions { Url = new Uri("http://127.0.0.1:9200"), MaxRetries = 0 }, handler: handler);
            _stores.Add(raw);   // the raw store owns the shared client
            return index;
        }

        protected override void Cleanup()
        {
            foreach (var store in _stores)
            {
                store.Dispose();
            }
        }
    }
}
