using ListArchive.Analysis.Threading;
using static ListArchive.Analysis.Tests.Threading.Messages;

namespace ListArchive.Analysis.Tests.Threading;

public sealed class SubjectFallbackTests
{
    private static readonly ThreaderOptions BySubject = new() { GroupBySubject = true };

    private static ThreadInput[] HeaderlessReply() => [
        M("original@x", 0, subject: "[Governance] Charter review"),
        M("reply@x", 60, subject: "AW: [Governance] Re: Charter review"),
    ];

    [Fact]
    public void Subject_grouping_is_off_by_default()
    {
        Assert.Equal(2, Threader.Build(HeaderlessReply()).ThreadCount);
    }

    [Fact]
    public void Subject_grouping_joins_a_headerless_reply_and_records_why()
    {
        var forest = Threader.Build(HeaderlessReply(), BySubject);

        Assert.Equal("thread original@x\noriginal@x root #0\n  reply@x subject #1\n", ForestDump.Of(forest));
    }

    [Fact]
    public void Subject_grouping_never_overrides_header_links()
    {
        var forest = Threader.Build([
            M("original@x", 0, subject: "Charter"),
            M("other@x", 1, subject: "Something else"),
            M("reply@x", 2, refs: ["other@x"], subject: "Re: Charter"),
        ], BySubject);

        Assert.Equal("other@x", forest.Find("reply@x")!.Parent!.MessageId);
        Assert.Equal(ThreadLink.References, forest.Find("reply@x")!.Link);
    }

    [Fact]
    public void Subject_grouping_does_not_join_two_non_replies_or_a_reply_outside_the_window()
    {
        var forest = Threader.Build([
            M("first@x", 0, subject: "Hello"),
            M("second@x", 10, subject: "Hello"),
            M("much-later@x", 60 * 24 * 90, subject: "Re: Hello"),
            M("before@x", -5, subject: "Re: Hello"),
            M("undated@x", null, subject: "Re: Hello"),
        ], BySubject);

        Assert.Equal(5, forest.ThreadCount);
        Assert.All(forest.Roots, r => Assert.Empty(r.Children));
    }

    [Fact]
    public void Subject_grouping_window_can_be_lifted()
    {
        var forest = Threader.Build([
            M("first@x", 0, subject: "Hello"),
            M("much-later@x", 60 * 24 * 90, subject: "Re: Hello"),
        ], BySubject with { SubjectGroupingMaxGap = null });

        Assert.Equal(ThreadLink.Subject, forest.Find("much-later@x")!.Link);
    }

    [Fact]
    public void Subject_grouping_moves_the_messages_of_a_placeholder_rooted_thread()
    {
        var forest = Threader.Build([
            M("original@x", 0, subject: "Budget"),
            M("r1@x", 5, refs: ["lost@x"], subject: "Re: Budget"),
            M("r2@x", 6, refs: ["lost@x"], subject: "Re: Budget"),
        ], BySubject);

        Assert.Equal(
            "thread original@x\noriginal@x root #0\n  r1@x subject #1\n  r2@x subject #2\n",
            ForestDump.Of(forest));
        Assert.Null(forest.Find("lost@x"));
    }
}
