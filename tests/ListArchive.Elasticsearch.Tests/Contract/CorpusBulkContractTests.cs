using System.Text;
using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Layout;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Elasticsearch.Tests.Contract;

/// <summary>
/// Real list mail through the bulk path: the bulmages pipermail archive (Spanish, accents and
/// Latin-1 bodies, long quoted threads) split into sized requests, sent two at a time, every
/// text arriving unchanged, and every request valid by the specification.
/// </summary>
public sealed class CorpusBulkContractTests
{
    [ContractFact]
    public void BulmagesMessagesArriveIntactInSizedRequestsThatTheContractAccepts()
    {
        var messages = MailSources.Open(RepoPaths.Corpus("bulmages-main-pipermail")).Take(400)
            .Select((raw, i) => (Id: i.ToString(System.Globalization.CultureInfo.InvariantCulture), Mail: MimeMessage.Parse(raw.Bytes)))
            .Select(m => (m.Id, Doc: new JsonObject { ["name"] = m.Mail.MessageId ?? "", ["subject"] = m.Mail.Subject ?? "", ["text"] = m.Mail.GetBody().Text }))
            .ToList();
        Assert.Equal(400, messages.Count);
        Assert.Contains(messages, m => ((string)m.Doc["text"]!).Any(c => c is 'ñ' or 'á' or 'é' or 'ó'));

        using var recorder = new ContractRecorder();
        var cluster = new SpecShapedCluster();
        const int limit = 64 * 1024;
        using var client = new EsClient(new EsOptions
        {
            Url = new Uri("http://es.test:9200"), Prefix = "la", RetryBaseDelay = TimeSpan.Zero, BulkMaxBytes = limit, BulkConcurrency = 2,
        }, recorder.Wrap(cluster));
        new EsLayout(client, Layout.EsLayoutTests.Definitions()).Ensure();

        var result = client.Bulk(messages.Select(m => new BulkOperation(BulkAction.Index, "la-notes-write", m.Id, m.Doc)).ToList());

        Assert.Equal((400, 0), (result.Succeeded, result.Errors.Count));
        var stored = cluster.Indices["la-notes-v1"].Documents;
        Assert.All(messages, m => Assert.Equal(m.Doc["text"]!.GetValue<string>(), stored[m.Id].Source["text"]!.GetValue<string>()));
        var bulks = cluster.Requests.Where(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal))
            .Select(r => (Bytes: Encoding.UTF8.GetByteCount(r.Body!), Lines: r.Body!.Count(c => c == '\n'))).ToList();
        var total = bulks.Sum(b => b.Bytes);
        Assert.True(bulks.Count > total / limit, $"{bulks.Count} requests for {total} bytes");
        // Within the limit, or a single message larger than the limit by itself.
        Assert.All(bulks, b => Assert.True(b.Bytes <= limit || b.Lines == 2, $"{b.Bytes} bytes, {b.Lines} lines"));
        Assert.Equal(800, bulks.Sum(b => b.Lines));
        recorder.AssertValid();
    }
}
