using System.Text.RegularExpressions;
using ListArchive.Analysis.Reuse;
using ListArchive.Storage.Index;
using ListArchive.Storage.Search;

namespace ListArchive.Storage.Tests.Conformance;

public abstract partial class IndexConformanceTests
{
    #region Real text: ksummit-discuss messages and the Governance seeds

    /// <summary>The corpus messages indexed in two batches and threaded by the real threader.</summary>
    private (IArchiveIndex Index, List<ThreadAssignment> Threads) CorpusIndex()
    {
        var index = NewIndex();
        var messages = ConformanceCorpus.Messages;
        index.UpsertBatch(messages.Take(messages.Count / 2).ToList());
        index.UpsertBatch(messages.Skip(messages.Count / 2).ToList());
        var threads = ConformanceThreads.Thread(index, ConformanceCorpus.List);
        index.Flush();
        return (index, threads);
    }

    /// <summary>The copy <see cref="IArchiveIndex.GetMessage"/> returns: the earliest of each Message-ID.</summary>
    private static IEnumerable<IndexedMessage> FirstCopies(IEnumerable<IndexedMessage> messages) =>
        messages.GroupBy(m => m.MessageId.Trim('<', '>')).Select(g => g.MinBy(m => m.RawId)!);

    [RealTextFact(ConformanceCorpus.Corpus)]
    public void Real_messages_read_back_as_written()
    {
        var (index, _) = CorpusIndex();
        var messages = ConformanceCorpus.Messages;
        Assert.Equal(ConformanceCorpus.Count, messages.Count);
        Assert.Equal(messages.Count, index.MaxRawId);
        Assert.Equal(messages.Count, index.GetLists().Single().Messages);
        foreach (var m in FirstCopies(messages))
        {
            var read = index.GetMessage(m.MessageId, ConformanceCorpus.List)!;
            Assert.Equal(m.RawId, read.RawId);
            Assert.Equal(m.Subject ?? "", read.Subject);
            Assert.Equal(m.Date, read.Date);
            Assert.Equal(m.BodyText, read.BodyText);
            Assert.Equal(m.InReplyTo.Select(id => id.Trim('<', '>')), read.InReplyTo);
            Assert.Equal(m.Segments!.Select(s => (s.Kind, s.Start, s.Length)), read.Segments.Select(s => (s.Kind, s.Start, s.Length)));
            Assert.Equal(m.Segments!.Select(s => (s.AuthorName, s.AuthorAddress, s.Depth)), read.Segments.Select(s => (s.AuthorName, s.AuthorAddress, s.Depth)));
            Assert.Equal(m.Attachments.Count, read.Attachments.Count);
        }

        Assert.Equal(messages.Select(m => m.RawId).Order(), index.GetRawIdsAfter(0));
        Assert.Equal(messages.Select(m => m.BodyText), index.GetBodies(messages.Select(m => m.RawId).ToList()).Select(b => b.Body));
    }

    [RealTextFact(ConformanceCorpus.Corpus)]
    public void Real_threads_are_stored_as_the_threader_built_them()
    {
        var (index, assignments) = CorpusIndex();
        var threads = index.GetThreads(ConformanceCorpus.List, 0, 1000);
        var threadIds = assignments.Select(a => a.ThreadId).Distinct().ToList();
        Assert.Equal(threadIds.Count, threads.Total);
        Assert.Equal(ConformanceCorpus.Messages.Count, threads.Items.Sum(t => t.Messages));
        Assert.Contains(threads.Items, t => t.Messages > 2); // the corpus has real conversations
        // Latest activity first.
        Assert.Equal(threads.Items.Select(t => t.LastDate).OrderDescending(), threads.Items.Select(t => t.LastDate));
        foreach (var t in threads.Items)
        {
            var view = index.GetThread(ConformanceCorpus.List, t.ThreadId)!;
            var expected = assignments.Where(a => a.ThreadId == t.ThreadId).OrderBy(a => a.Order).ToList();
            Assert.Equal(expected.Select(a => a.MessageId), view.Messages.Select(m => m.MessageId).Distinct());
            Assert.Equal(view.Messages[0].MessageId, t.RootMessageId);
            Assert.Equal(view.Messages[0].From.AuthorId, t.Starter.AuthorId);
            Assert.InRange(t.Participants, 1, t.Messages);
            Assert.Equal(view.Messages.Min(m => m.Date), t.FirstDate);
            Assert.Equal(view.Messages.Max(m => m.Date), t.LastDate);
            Assert.All(view.Messages.Skip(1), m => Assert.Contains(m.ParentId, view.Messages.Select(x => x.MessageId).Append(m.ParentId)));
        }
    }

    [RealTextFact(ConformanceCorpus.Corpus)]
    public void Real_messages_are_found_by_their_own_words_and_phrases()
    {
        var (index, _) = CorpusIndex();
        var checkedWords = 0;
        foreach (var m in FirstCopies(ConformanceCorpus.Messages).Where(m => !string.IsNullOrWhiteSpace(m.OwnText)).Take(15))
        {
            var words = Regex.Matches(m.OwnText!, @"(?<![\p{L}\p{N}'’_.@/-])[A-Za-z]{9,}(?![\p{L}\p{N}'’_@/-])").Select(x => x.Value).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var word = words.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).First();
            var results = index.Search(SearchQuery.Parse($"{word} list:{ConformanceCorpus.List}"), 0, 100);
            var hit = Assert.Single(results.Hits, h => h.RawId == m.RawId);
            Assert.Equal(results.Total, results.Hits.Count);
            Assert.All(hit.Snippet.Highlights, r =>
                Assert.StartsWith(word[..4], hit.Snippet.Text.Substring(r.Start, r.Length), StringComparison.OrdinalIgnoreCase));
            // In quoted scope it is found where the message quotes it (a stemming backend may find more).
            if (Regex.IsMatch(m.QuotedText, $@"\b{word}\b", RegexOptions.IgnoreCase))
            {
                Assert.Contains(index.Search(SearchQuery.Parse($"{word} in:quoted"), 0, 100).Hits, h => h.RawId == m.RawId);
            }
            checkedWords++;

            var run = Regex.Matches(m.OwnText!, @"\b[A-Za-z]{4,}\s+[A-Za-z]{4,}\s+[A-Za-z]{4,}\b").FirstOrDefault();
            if (run is not null)
            {
                var phrase = Regex.Replace(run.Value, @"\s+", " ");
                Assert.Contains(index.Search(SearchQuery.Parse($"\"{phrase}\""), 0, 100).Hits, h => h.RawId == m.RawId);
            }
        }

        Assert.True(checkedWords >= 5, $"only {checkedWords} messages had a long word");
    }

    [RealTextFact(ConformanceCorpus.Corpus)]
    public void Real_author_reads_agree_with_each_other()
    {
        var (index, _) = CorpusIndex();
        var byAuthor = index.GetReuseSources(ConformanceCorpus.Messages.Select(m => m.RawId).ToList(), withText: false)
            .Where(s => s.AuthorId is not null)
            .GroupBy(s => s.AuthorId!)
            .ToList();
        Assert.True(byAuthor.Count > 3);
        foreach (var g in byAuthor)
        {
            var author = index.GetAuthor(g.Key)!;
            Assert.Equal(g.Count(), author.Messages);
            Assert.Equal(g.Count(), author.Lists.Single().Messages);
            var messages = index.GetAuthorMessages(g.Key, 0, 1000);
            Assert.Equal(g.Count(), messages.Total);
            Assert.Equal(g.Select(s => s.Key).Order(), messages.Items.Select(m => m.RawId).Order());
            Assert.Equal(messages.Items.Select(m => m.Date).OrderDescending(), messages.Items.Select(m => m.Date));
            Assert.Equal(g.Count(s => s.Date is not null), index.GetAuthorActivity(g.Key).Sum(a => a.Messages));
            Assert.All(index.GetAuthorRepliesTo(g.Key, 100), p => Assert.NotEqual(g.Key, p.Person.AuthorId));
        }

        Assert.Equal(byAuthor.Count, index.GetLists().Single().Authors);
    }

    [RealTextFact(ConformanceCorpus.Corpus)]
    public void Real_activity_and_month_indexes_cover_every_dated_message()
    {
        var (index, _) = CorpusIndex();
        var activity = index.GetActivity(ConformanceCorpus.List);
        Assert.Equal(ConformanceCorpus.Messages.Count(m => m.Date is not null), activity.Sum(a => a.Messages));
        Assert.Equal(activity, index.GetActivityByList()[ConformanceCorpus.List]);
        foreach (var month in activity)
        {
            var byDate = index.GetMonth(ConformanceCorpus.List, month.Year, month.Month, MonthOrder.Date);
            Assert.Equal(month.Messages, byDate.Count);
            Assert.Equal(byDate.Select(m => m.Date!.Value.UtcDateTime).Order(), byDate.Select(m => m.Date!.Value.UtcDateTime));
            Assert.All(byDate, m => Assert.Equal((month.Year, month.Month), (m.Date!.Value.UtcDateTime.Year, m.Date!.Value.UtcDateTime.Month)));
            // Thread order keeps each thread's messages together.
            var byThread = index.GetMonth(ConformanceCorpus.List, month.Year, month.Month, MonthOrder.Thread);
            Assert.Equal(byDate.Select(m => m.RawId).Order(), byThread.Select(m => m.RawId).Order());
            var runs = byThread.Select(m => m.ThreadId).Where((t, i) => i == 0 || t != byThread[i - 1].ThreadId).ToList();
            Assert.Equal(runs.Distinct().Count(), runs.Count);
        }

        var recent = index.GetRecentMessages(ConformanceCorpus.List, 5);
        Assert.Equal(5, recent.Count);
        Assert.Equal(recent.Select(m => m.Date).OrderDescending(), recent.Select(m => m.Date));
    }

    [RealTextFact(ConformanceCorpus.Seeds)]
    public void Governance_seeds_are_found_as_messages_and_as_document_fingerprints()
    {
        var seeds = ConformanceCorpus.SeedTexts();
        Assert.NotEmpty(seeds);
        var index = NewIndex();
        index.UpsertBatch(seeds.Select((s, i) => ConformanceMessages.Make(i + 1, $"seed{i}@seeds.invalid", s.Name, s.Text.Replace("\r\n", "\n"),
            date: ConformanceMessages.Day.AddDays(i))).ToList());
        index.Flush();

        // Each seed is found by a phrase of its own.
        foreach (var (seed, i) in seeds.Select((s, i) => (s, i)))
        {
            var run = Regex.Matches(seed.Text, @"\b[A-Za-z]{5,}\s+[A-Za-z]{5,}\s+[A-Za-z]{5,}\b").Select(m => Regex.Replace(m.Value, @"\s+", " "))
                .FirstOrDefault(p => seeds.Count(s => Regex.Replace(s.Text, @"\s+", " ").Contains(p, StringComparison.OrdinalIgnoreCase)) == 1);
            if (run is null)
            {
                continue;
            }

            Assert.Contains(index.Search(SearchQuery.Parse($"\"{run}\""), 0, 50).Hits, h => h.RawId == i + 1);
        }

        // As reference documents: fingerprints of each, looked up from a message quoting one of them.
        var keys = seeds.Select(s => index.AddDocument(new ReferenceDocument(0, s.Name, s.Name, "Governance seeds", null, null, s.Text))).ToList();
        Assert.Equal(seeds.Select(s => s.Text), index.GetDocuments(withText: true).Select(d => d.Text));
        index.ReplaceFingerprints(seeds.Select((s, i) => new SourceFingerprints(-keys[i],
            Fingerprinter.Default.Fingerprint(WordStream.Create(s.Text)).Select(f => (f.Hash, f.Position)).ToList(), [])).ToList(), 10, findAffected: false);
        var target = seeds.Count > 2 ? 2 : 0;
        var words = WordStream.Create(seeds[target].Text);
        var (start, end) = words.CharRange(Math.Min(20, words.Count / 4), Math.Min(80, words.Count / 2));
        var quote = "I fully agree with this passage:\n" + seeds[target].Text[start..end];
        var prints = Fingerprinter.Default.Fingerprint(WordStream.Create(quote)).Select(f => f.Hash).ToList();
        var lookup = index.LookupFingerprints(prints, 10);
        Assert.Equal(-keys[target], lookup.Shared.MaxBy(p => p.Value).Key);
        var holders = index.GetFingerprintHolders(prints, 10);
        Assert.Contains(holders.Values, h => h.Contains(-keys[target]));
        Assert.Equal(seeds.Count, index.GetFingerprintStats().Sources);
    }

    #endregion
}
