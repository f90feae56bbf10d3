using ListArchive.Storage.Index;
using static ListArchive.Storage.Tests.Conformance.ConformanceMessages;

namespace ListArchive.Storage.Tests.Conformance;

public abstract partial class IndexConformanceTests
{
    #region Web reads: activity, activity by list, recent messages, message segments

    private static readonly DateTimeOffset Jan = new(2021, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private IArchiveIndex ActivityIndex()
    {
        var index = NewIndex();
        index.UpsertBatch([
            Make(1, "a@a", date: Jan),
            Make(2, "b@a", date: Jan.AddDays(1)),
            Make(3, "c@a", date: Jan.AddMonths(2)),
            // 31 January 22:00 at -03:00 is 1 February UTC.
            Make(4, "d@a", date: new DateTimeOffset(2021, 1, 31, 22, 0, 0, TimeSpan.FromHours(-3)), list: "twisted"),
            Make(5, "e@a", date: Jan.AddYears(-1), list: "twisted"),
            Make(6, "f@a", list: "twisted") with { Date = null },
        ]);
        return index;
    }

    [Fact]
    public void Activity_counts_utc_months_oldest_first_of_a_list_or_all()
    {
        var index = ActivityIndex();
        Assert.Equal([new MonthCount(2021, 1, 2), new MonthCount(2021, 3, 1)], index.GetActivity("governance"));
        Assert.Equal([new MonthCount(2020, 1, 1), new MonthCount(2021, 2, 1)], index.GetActivity("twisted"));
        Assert.Equal(
            [new MonthCount(2020, 1, 1), new MonthCount(2021, 1, 2), new MonthCount(2021, 2, 1), new MonthCount(2021, 3, 1)],
            index.GetActivity(null));
        Assert.Empty(index.GetActivity("nolist"));
    }

    [Fact]
    public void Activity_by_list_has_every_list_with_its_months()
    {
        var index = ActivityIndex();
        var byList = index.GetActivityByList();
        Assert.Equal(["governance", "twisted"], byList.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(index.GetActivity("governance"), byList["governance"]);
        Assert.Equal(index.GetActivity("twisted"), byList["twisted"]);
        Assert.Empty(NewIndex().GetActivityByList());
    }

    [Fact]
    public void Recent_messages_are_newest_first_and_complete()
    {
        var index = ActivityIndex();
        index.UpsertBatch([Make(7, "g@a", "Latest", "Latest body", date: Jan.AddMonths(3), problems: [new MessageProblem("bad-date", 4, "x")]) with
        {
            Attachments = [new AttachmentInfo("x.txt", "text/plain", 1, null)],
        }]);
        var recent = index.GetRecentMessages("governance", 3);
        Assert.Equal(["g@a", "c@a", "b@a"], recent.Select(m => m.MessageId));
        var latest = recent[0];
        Assert.Equal(("Latest", "Latest body", 7L), (latest.Subject, latest.BodyText, latest.RawId));
        Assert.Equal([new MessageProblem("bad-date", 4, "x")], latest.Problems);
        Assert.Equal([new AttachmentInfo("x.txt", "text/plain", 1, null)], latest.Attachments);
        Assert.Equal([new TextSegment(TextSegment.Own, 0, 11)], latest.Segments);
        Assert.Equal(4, index.GetRecentMessages("governance", 10).Count);
        Assert.Empty(index.GetRecentMessages("nolist", 10));
    }

    [Fact]
    public void Message_segments_come_in_raw_id_order_as_stored()
    {
        var index = NewIndex();
        var segments = new List<TextSegment>
        {
            new("attribution", 0, 12) { AuthorName = "Bob", AuthorAddress = "bob@example.org", Date = Jan, Depth = 1 },
            new("quote", 12, 8) { Depth = 1, AuthorName = "Bob", CiteMessageId = "cited@a" },
            new(TextSegment.Own, 20, 5),
        };
        index.UpsertBatch([
            Make(9, "s@a", body: "Bob wrote:\n> quoted\nMine.", segments: segments),
            Make(3, "p@a", body: "Plain"),
        ]);
        var read = index.GetMessageSegments([9, 3, 42]);
        Assert.Equal([3L, 9L], read.Select(s => s.RawId));
        Assert.Equal("Plain", read[0].Body);
        Assert.Equal([new TextSegment(TextSegment.Own, 0, 5)], read[0].Segments);
        Assert.Equal("Bob wrote:\n> quoted\nMine.", read[1].Body);
        Assert.Equal(segments, read[1].Segments);
        Assert.Empty(index.GetMessageSegments([]));
    }

    #endregion
}
