using System.Text;
using ListArchive.Analysis.Segments;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>
/// A hostile body — thousands of attribution lines and header blocks, each of which would quote the
/// rest of the body without markers — is segmented with a bounded number of unmarked regions and a
/// diagnostic, still covering the whole text.
/// </summary>
public sealed class HostileBodyTests
{
    [Fact]
    public void Thousands_of_attributions_are_bounded_and_reported()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            sb.Append("My point number ").Append(i).Append(" about the matter at hand.\n");
            sb.Append("On Mon, 5 Mar 2021 at 14:15, Someone <a").Append(i).Append("@example.org> wrote:\n");
        }

        var text = sb.ToString();
        var body = Segmenter.Segment(text);

        Assert.Contains(body.Diagnostics, d => d.Code == "too-many-quote-regions");
        // Ordered, contiguous and covering: nothing lost.
        var at = 0;
        foreach (var s in body.Segments)
        {
            Assert.Equal(at, s.Start);
            at += s.Length;
        }

        Assert.Equal(text.Length, at);
        Assert.True(body.Segments.Max(s => s.Depth) <= 101, $"depth {body.Segments.Max(s => s.Depth)}");
    }

    [Fact]
    public void A_real_number_of_nested_attributions_is_not_reported()
    {
        var sb = new StringBuilder("Top-posted answer.\n");
        for (var i = 0; i < 20; i++)
        {
            sb.Append("On Mon, 5 Mar 2021 at 14:15, Person ").Append(i).Append(" <p").Append(i).Append("@example.org> wrote:\n");
            sb.Append("Earlier text number ").Append(i).Append(" of the thread.\n");
        }

        var body = Segmenter.Segment(sb.ToString());
        Assert.DoesNotContain(body.Diagnostics, d => d.Code == "too-many-quote-regions");
        Assert.Contains(body.Segments, s => s.Kind == SegmentKind.Quote);
    }
}
