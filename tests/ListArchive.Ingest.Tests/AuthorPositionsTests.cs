using ListArchive.Storage.Index;
using ListArchive.Testing;

namespace ListArchive.Ingest.Tests;

/// <summary>Positions per author (issue 6; docs/text-reuse.md §10) on the Governance sample and twisted-python.</summary>
public sealed class AuthorPositionsTests
{
    [Fact]
    public void GovernanceMiltonAnswersParminderAndQuotesHimAndTheLetter()
    {
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        new ImportPipeline(archive).Import([RepoPaths.Repo("archives", "governance")]);
        const string miltonId = "BL0PR07MB54899BE5BB7FC79DD5D28BB404555@BL0PR07MB5489.namprd07.prod.outlook.com";
        var milton = archive.Index.GetMessage(miltonId, "governance")!;
        var parminder = archive.Index.GetMessage(milton.ParentId!, "governance")!;

        var p = archive.Index.GetAuthorPositions(milton.From.AuthorId!)!;
        Assert.Equal(1, p.Messages);
        var ownWords = milton.Segments.Where(s => s.Kind == TextSegment.Own && s.Origin is null)
            .Sum(s => Analysis.Reuse.WordStream.Create(milton.BodyText.Substring(s.Start, s.Length)).Count);
        Assert.Equal(ownWords, p.WordsWritten);
        Assert.True(p.WordsQuoted > 300, $"{p.WordsQuoted} quoted, {p.WordsWritten} written");
        Assert.Contains(p.QuotedFrom, q => q.Address == parminder.From.Address && q.Words > 100);
        Assert.Contains(p.QuotedFrom, q => q.DocumentId == "jnc-open-letter-2021-03");

        // Milton top-posts: his words answer the message he replies to, parminder's second.
        var thread = Assert.Single(p.Threads);
        var first = thread.Passages[0];
        Assert.Equal(miltonId, first.MessageId);
        Assert.Equal("parent", first.Answers!.Kind);
        Assert.Equal(parminder.MessageId, first.Answers.MessageId);
        Assert.Equal(parminder.From.Address, first.Answers.Author!.Address);

        // Parminder was quoted by Milton.
        var pp = archive.Index.GetAuthorPositions(parminder.From.AuthorId!)!;
        Assert.Contains(pp.QuotedBy, q => q.Address == milton.From.Address && q.Messages == 1);
    }

    [Fact]
    public void TwistedPythonInlineRepliesAnswerTheQuoteAbove()
    {
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        new ImportPipeline(archive).Import([RepoPaths.Corpus("twisted-python-pipermail", "2009-March.txt.gz")], new ImportOptions { List = "twisted-python" });
        var quoteAnswers = 0;
        var parentAnswers = 0;
        var quotedBy = 0;
        foreach (var author in archive.Index.GetThreads("twisted-python", 0, 10_000).Items
                     .SelectMany(t => archive.Index.GetThread("twisted-python", t.ThreadId)!.Messages)
                     .Select(m => m.From.AuthorId).OfType<string>().Distinct().Order(StringComparer.Ordinal).Take(40))
        {
            var p = archive.Index.GetAuthorPositions(author)!;
            quotedBy += p.QuotedBy.Count;
            foreach (var passage in p.Threads.SelectMany(t => t.Passages))
            {
                var message = archive.Index.GetMessage(passage.MessageId, "twisted-python")!;
                var at = message.BodyText.IndexOf(passage.Text, StringComparison.Ordinal);
                Assert.True(at >= 0);
                switch (passage.Answers?.Kind)
                {
                    case "quote":
                        // The answered quote lies above the passage, in the same message.
                        var quoteAt = message.BodyText.IndexOf(passage.Answers.Text!.TrimEnd('…'), StringComparison.Ordinal);
                        Assert.InRange(quoteAt, 0, at);
                        quoteAnswers++;
                        break;
                    case "parent":
                        Assert.Equal(message.ParentId, passage.Answers.MessageId);
                        parentAnswers++;
                        break;
                    default:
                        Assert.Null(message.ParentId);
                        break;
                }
            }
        }

        Assert.True(quoteAnswers > 20, $"{quoteAnswers} passages answer a quote");
        Assert.True(parentAnswers > 5, $"{parentAnswers} passages answer the parent");
        Assert.True(quotedBy > 5, $"{quotedBy} quoting authors");
    }
}
