using ListArchive.Analysis.Links;

namespace ListArchive.Analysis.Tests.Links;

/// <summary>
/// Mail cuts URLs anywhere (hard wraps, truncated quotes, spec §16.6). Every prefix of every vector,
/// alone, in brackets and in a quoted line, must come out of unwrapping with no recipient data.
/// </summary>
public sealed class TruncationTests
{
    [Fact]
    public void Every_prefix_of_every_vector_is_left_without_recipient_data()
    {
        int checkedCount = 0;
        foreach (var v in UrlVector.Load())
        {
            for (int n = 8; n <= v.Wrapped.Length; n++)
            {
                var cut = v.Wrapped[..n];
                foreach (var text in new[] { cut, $"see <{cut}> now", $"> x {cut}\n> more", $"{cut})." })
                {
                    var unwrapped = LinkUnwrapper.UnwrapText(text).Text;
                    var left = RecipientData.Find(unwrapped);
                    Assert.True(left.Count == 0, $"{v}: prefix {n} in \"{text}\" left {string.Join(",", left.Select(f => f.Format + ":" + f.Parameter))} in {unwrapped}");
                    var redacted = RecipientData.Redact(text);
                    Assert.True(RecipientData.Find(redacted).Count == 0, $"{v}: prefix {n} redacted still has recipient data: {redacted}");
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount > 10_000);
    }
}
