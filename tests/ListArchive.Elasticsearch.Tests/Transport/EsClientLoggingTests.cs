using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Transport;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ListArchive.Elasticsearch.Tests.Transport;

public sealed class EsClientLoggingTests
{
    private sealed class Collect : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            lock (Events)
                Events.Add(logEvent);
        }
    }

    [Fact]
    public void RetriesAndRejectionsAreLoggedWithFieldsButNeverTheDocumentsOrReasons()
    {
        const string secret = "Body of a private message";
        const string reason = "failed to parse field [date]: Preview of field's value: 'Body of a private message'";
        var sink = new Collect();
        using var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger();
        var cluster = EsClientTests.ClusterWithIndex();
        cluster.FailNext("/_bulk", 503, "unavailable_shards_exception");
        cluster.ItemFailure = (_, id, attempt) => id switch
        {
            "bad" => (400, "mapper_parsing_exception", reason),
            "busy" when attempt == 1 => (429, "es_rejected_execution_exception", "queue full"),
            _ => null,
        };
        using var client = new EsClient(EsClientTests.Options(), cluster, logger);

        var result = client.Bulk([
            new BulkOperation(BulkAction.Index, "t-docs-write", "bad", new JsonObject { ["text"] = secret }),
            new BulkOperation(BulkAction.Index, "t-docs-write", "busy", new JsonObject { ["text"] = secret }),
        ]);

        Assert.Equal(reason, Assert.Single(result.Errors).Reason);
        var warnings = sink.Events.Where(e => e.Level == LogEventLevel.Warning).ToList();
        Assert.Contains(warnings, e => e.Properties.TryGetValue("Status", out var s) && s.ToString() == "503" && e.Properties.ContainsKey("DelayMs"));
        Assert.Contains(warnings, e => e.Properties.TryGetValue("Refused", out var r) && r.ToString() == "1");
        Assert.Contains(warnings, e => e.Properties.TryGetValue("ErrorType", out var t) && t.ToString() == "\"mapper_parsing_exception\"" && e.Properties["Id"].ToString() == "\"bad\"");
        Assert.Contains(sink.Events, e => e.Level == LogEventLevel.Debug && e.Properties.ContainsKey("Bytes"));
        Assert.All(sink.Events, e =>
        {
            var text = e.RenderMessage() + string.Join(" ", e.Properties.Values);
            Assert.DoesNotContain("private message", text);
        });
    }
}
