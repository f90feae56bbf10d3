using System.Text;
using ListArchive.Storage.Raw;
using ListArchive.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Tests.Raw;

public sealed class RawStoreTests
{
    private const string Scrubbed = """
        From: jdoe at example.org (John Doe)
        Date: Sat, 01 Mar 2008 10:39:49 +0100
        Subject: [Twisted-Python] Deferreds
        Message-ID: <abc123@example.org>

        Body text here.
        -------------- next part --------------
        An HTML attachment was scrubbed...
        URL: http://twistedmatrix.com/pipermail/twisted-python/attachments/20080301/85b3a461/attachment.htm 

        """;

    private static RawMessageInput Input(string text, string? messageId = "<abc123@example.org>", string list = "twisted", string? envelope = null, long offset = 0)
    {
        var bytes = Encoding.Latin1.GetBytes(text.ReplaceLineEndings("\n"));
        return new RawMessageInput(list, bytes, messageId, "2008-March.txt.gz", offset, bytes.Length, envelope);
    }

    [Fact]
    public void Same_bytes_twice_are_stored_once()
    {
        using var dir = new TempDirectory();
        using var store = RawStore.Open(dir.Path);
        var first = store.Append(Input(Scrubbed));
        var second = store.Append(Input(Scrubbed, offset: 999));
        Assert.Equal(RawAppendStatus.New, first.Status);
        Assert.Equal(RawAppendStatus.Duplicate, second.Status);
        Assert.Equal(first.RawId, second.RawId);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Same_bytes_under_two_lists_belong_to_both()
    {
        using var dir = new TempDirectory();
        using var store = RawStore.Open(dir.Path);
        var a = store.Append(Input(Scrubbed, list: "a"));
        var b = store.Append(Input(Scrubbed, list: "b"));
        Assert.Equal(RawAppendStatus.New, b.Status);
        Assert.NotEqual(a.RawId, b.RawId);
    }

    [Fact]
    public void Rebuild_copy_with_other_attachment_url_and_envelope_is_one_message()
    {
        // twisted-python-pipermail/2008-March.txt.gz: the second pass has another From_ time and
        // "URL: </pipermail/…/attachment.html>" instead of the absolute ".htm " URL.
        var rebuilt = Scrubbed.Replace(
            "URL: http://twistedmatrix.com/pipermail/twisted-python/attachments/20080301/85b3a461/attachment.htm ",
            "URL: </pipermail/twisted-python/attachments/20080301/85b3a461/attachment-0001.html>");
        using var dir = new TempDirectory();
        using var store = RawStore.Open(dir.Path);
        var first = store.Append(Input(Scrubbed, envelope: "From jdoe at example.org  Sat Mar  1 04:39:49 2008"));
        var second = store.Append(Input(rebuilt, envelope: "From jdoe at example.org  Sat Mar  1 02:39:49 2008"));
        Assert.Equal(RawAppendStatus.RebuildDuplicate, second.Status);
        Assert.Equal(first.RawId, second.RawId);
        Assert.NotEqual(first.Sha256, second.Sha256);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Rebuild_copy_with_url_label_spelled_differently_and_question_marks_is_one_message()
    {
        var original = Scrubbed.Replace("Body text here.", "Jonathan Lange a \u00e9crit :")
            .Replace("URL: http", "Url : http");
        var lossy = Scrubbed.Replace("Body text here.", "Jonathan Lange a ?crit :");
        using var dir = new TempDirectory();
        using var store = RawStore.Open(dir.Path);
        store.Append(Input(lossy));
        Assert.Equal(RawAppendStatus.RebuildDuplicate, store.Append(Input(original)).Status);
    }

    [Fact]
    public void Different_text_under_one_message_id_is_kept_twice_and_flagged()
    {
        var edited = Scrubbed.Replace("Body text here.", "A different body.");
        using var dir = new TempDirectory();
        using var store = RawStore.Open(dir.Path);
        var first = store.Append(Input(Scrubbed));
        var second = store.Append(Input(edited));
        Assert.Equal(RawAppendStatus.Conflict, second.Status);
        Assert.Equal(first.RawId, second.ConflictsWith);
        Assert.NotEqual(first.RawId, second.RawId);
        var copies = store.GetByMessageId("abc123@example.org");
        Assert.Equal(2, copies.Count);
        Assert.All(copies, c => Assert.True(c.ConflictingMessageId));
    }

    [Fact]
    public void A_url_line_in_the_body_is_not_masked()
    {
        // Only scrubbed-attachment URLs are rebuild noise; a URL the author wrote is content.
        var a = Scrubbed.Replace("Body text here.", "URL: http://example.org/one");
        var b = Scrubbed.Replace("Body text here.", "URL: http://example.org/two");
        using var dir = new TempDirectory();
        using var store = RawStore.Open(dir.Path);
        store.Append(Input(a));
        Assert.Equal(RawAppendStatus.Conflict, store.Append(Input(b)).Status);
    }

    [Fact]
    public void Duplicates_inside_one_batch_are_detected()
    {
        using var dir = new TempDirectory();
        using var store = RawStore.Open(dir.Path);
        var results = store.AppendBatch([Input(Scrubbed), Input(Scrubbed), Input(Scrubbed.Replace("Body", "Other"), messageId: null)]);
        Assert.Equal([RawAppendStatus.New, RawAppendStatus.Duplicate, RawAppendStatus.New], results.Select(r => r.Status));
    }

    [Fact]
    public void Messages_survive_reopening_byte_for_byte()
    {
        using var dir = new TempDirectory();
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var input = Input(Scrubbed, envelope: "From jdoe at example.org  Sat Mar  1 04:39:49 2008", offset: 1234);
        long id;
        using (var store = RawStore.Open(dir.Path, clock))
        {
            id = store.Append(input).RawId;
        }

        using (var store = RawStore.Open(dir.Path))
        {
            var back = store.Get(id)!;
            Assert.Equal(input.Bytes, back.Bytes);
            Assert.Equal("twisted", back.List);
            Assert.Equal("abc123@example.org", back.MessageId);
            Assert.Equal(1234, back.Offset);
            Assert.Equal(input.Bytes.Length, back.Length);
            Assert.Equal("2008-March.txt.gz", back.Source);
            Assert.Equal(input.EnvelopeLine, back.EnvelopeLine);
            Assert.Equal(clock.Now, back.FirstSeen);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input.Bytes)), back.Sha256);
            Assert.Equal(RawAppendStatus.Duplicate, store.Append(input).Status);
        }
    }

    [Fact]
    public void Enumerate_streams_in_arrival_order_and_resumes_after_an_id()
    {
        using var dir = new TempDirectory();
        using var store = RawStore.Open(dir.Path);
        var ids = store.AppendBatch(Enumerable.Range(0, 5).Select(i => Input(Scrubbed.Replace("Body", "Body " + i), messageId: $"<m{i}@x>")).ToList())
            .Select(r => r.RawId).ToList();
        Assert.Equal(ids, store.Enumerate().Select(m => m.RawId));
        Assert.Equal(ids.Skip(2), store.Enumerate(ids[1]).Select(m => m.RawId));
        Assert.Equal(["m0@x", "m1@x", "m2@x", "m3@x", "m4@x"], store.Enumerate().Select(m => m.MessageId));
    }

    [Fact]
    public void Schema_version_is_recorded_and_a_newer_one_is_refused()
    {
        using var dir = new TempDirectory();
        using (RawStore.Open(dir.Path))
        {
        }

        using (var c = new SqliteConnection($"Data Source={DataDirectory.RawPath(dir.Path)};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version";
            Assert.Equal(RawStore.SchemaVersion, Convert.ToInt32(cmd.ExecuteScalar()));
            cmd.CommandText = "PRAGMA user_version = 99";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.Throws<InvalidOperationException>(() => RawStore.Open(dir.Path));
        Assert.Contains("99", ex.Message);
    }

    [Theory]
    [InlineData("2008-March.txt.gz", 341, 281, 57, 0)]
    [InlineData("2003-May.txt.gz", 434, 373, 61, 0)]
    [InlineData("2003-November.txt.gz", 330, 275, 54, 0)]
    public void Twisted_doubled_month_is_stored_once(string file, int expectedNew, int duplicates, int rebuildDuplicates, int conflicts)
    {
        // Every month of twisted-python-pipermail up to 2021 holds each message twice (an
        // archive rebuild appended to the old file); only one copy of each may be stored.
        var messages = Corpus.PipermailMessages("twisted-python-pipermail", file);
        using var dir = new TempDirectory();
        using var store = RawStore.Open(dir.Path);
        var results = store.AppendBatch(messages
            .Select(m => new RawMessageInput("twisted-python", m.Bytes, Corpus.MessageId(m.Bytes), file, m.Offset, m.Bytes.Length, m.Envelope))
            .ToList());
        var counts = results.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expectedNew, counts.GetValueOrDefault(RawAppendStatus.New));
        Assert.Equal(duplicates, counts.GetValueOrDefault(RawAppendStatus.Duplicate));
        Assert.Equal(rebuildDuplicates, counts.GetValueOrDefault(RawAppendStatus.RebuildDuplicate));
        Assert.Equal(conflicts, counts.GetValueOrDefault(RawAppendStatus.Conflict));
        Assert.Equal(expectedNew + conflicts, store.Count);
        var distinctIds = messages.Select(m => Corpus.MessageId(m.Bytes)).Distinct().Count();
        Assert.Equal(distinctIds, (int)store.Count);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
