using ListArchive.Analysis.Links;

namespace ListArchive.Analysis.Tests.Links;

public sealed class UrlVectorTests
{
    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < UrlVector.Load().Count; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Vector_unwraps_as_expected(int index)
    {
        var v = UrlVector.Load()[index];
        var r = UrlUnwrapper.TryUnwrap(v.Wrapped);
        if (v.Format == "lookalike")
        {
            Assert.Null(r);
            return;
        }

        Assert.NotNull(r);
        Assert.Equal(v.Opaque, r.IsOpaque);
        Assert.Equal(v.Formats ?? [v.Format], r.Formats);
        if (v.Opaque)
        {
            Assert.Equal(v.Hint, r.HostHint);
            Assert.Empty(RecipientData.Find(r.Target));
        }
        else
        {
            Assert.Equal(v.Expected, r.Target);
            Assert.Equal(v.IsUrl, r.IsUrl);
        }
    }

    [Fact]
    public void Vectors_cover_every_decodable_format_of_the_doc()
    {
        var formats = UrlVector.Load().SelectMany(v => v.Formats ?? [v.Format]).ToHashSet();
        foreach (var name in new[]
                 {
                     "safelinks", "safelinks-teams", "proofpoint-v1", "proofpoint-v2", "proofpoint-v3", "mimecast", "barracuda", "cisco",
                     "trendmicro", "sophos", "fireeye", "symantec", "checkpoint", "libraesva", "trustwave", "inky", "google", "facebook",
                     "linkedin", "slack", "azure-email", "aws-ses", "whatsapp",
                 })
        {
            Assert.Contains(name, formats);
        }
    }

    [Fact]
    public void Every_vector_output_is_free_of_recipient_data()
    {
        foreach (var v in UrlVector.Load())
        {
            var r = UrlUnwrapper.TryUnwrap(v.Wrapped);
            if (r is null) continue;
            Assert.DoesNotContain("recipient%40example.org", r.Target);
            Assert.DoesNotContain("recipient@example.org", r.Target);
            Assert.True(RecipientData.Find(r.Target).Count == 0, $"{v}: {r.Target}");
        }
    }

    [Fact]
    public void Every_wrapped_vector_has_recipient_data_found_before_unwrapping()
    {
        // The audit must see what unwrapping removes: wrappers that carry identifying parameters are found.
        foreach (var v in UrlVector.Load().Where(v => v.Wrapped.Contains("&data=") || v.Wrapped.Contains("&r=")))
        {
            if (v.Format == "lookalike") continue;
            Assert.NotEmpty(RecipientData.Find(v.Wrapped));
        }
    }
}
