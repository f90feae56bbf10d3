using ListArchive.Analysis.Subjects;

namespace ListArchive.Analysis.Tests.Subjects;

public sealed class SubjectNormalizerTests
{
    [Theory]
    [InlineData("Re: Charter", "Charter")]
    [InlineData("RE: RE: re: Charter", "Charter")]
    [InlineData("Fwd: Fw: FW: Charter", "Charter")]
    [InlineData("AW: WG: Charter", "Charter")]
    [InlineData("SV: VS: Antw: Doorst: Charter", "Charter")]
    [InlineData("RIF: R: I: Rif: Charter", "Charter")]
    [InlineData("Odp: PD: TR: Res: Enc: ENC: Charter", "Charter")]
    [InlineData("YNT: Ynt: Charter", "Charter")]
    [InlineData("回复: 回覆: 答复: 转发: Charter", "Charter")]
    [InlineData("回复：会议纪要", "会议纪要")]
    [InlineData("Ответ: Отв: Re: Повестка", "Повестка")]
    [InlineData("Antwort: Charter", "Charter")]
    [InlineData("Re[2]: Charter", "Charter")]
    [InlineData("Re^2: Charter", "Charter")]
    [InlineData("Re(3): Charter", "Charter")]
    [InlineData("RE : Charter", "Charter")]
    [InlineData("Re:Charter", "Charter")]
    [InlineData("[Governance] Charter", "Charter")]
    [InlineData("Re: [Governance] Re: [Governance] Charter", "Charter")]
    [InlineData("[Governance] [Twisted-Python] AW: [Governance] Charter", "Charter")]
    [InlineData("[Twisted-Python] Re: Deferred", "Deferred")]
    [InlineData("  Re:   the\t\r\n  charter  ", "the charter")]
    [InlineData("Charter (fwd)", "Charter")]
    [InlineData("[notmuch] [PATCH 1/2] Close message file", "[PATCH 1/2] Close message file")]
    [InlineData("RE: [PATCH 25/44] drivers/scsi/pm8001: Remove unnecessary semicolons", "[PATCH 25/44] drivers/scsi/pm8001: Remove unnecessary semicolons")]
    [InlineData("[RFC][PATCH 00/10] cifs: local caching", "[RFC][PATCH 00/10] cifs: local caching")]
    [InlineData("[support.example.de #33575] AutoReply: FYI", "[support.example.de #33575] AutoReply: FYI")]
    [InlineData("Reply: not a prefix", "Reply: not a prefix")]
    [InlineData("Note: keep me", "Note: keep me")]
    [InlineData("Re", "Re")]
    [InlineData("Re: ", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalize_strips_prefixes_and_list_tags(string? subject, string expected)
    {
        Assert.Equal(expected, SubjectNormalizer.Normalize(subject));
    }

    [Theory]
    [InlineData("Re: Charter", true)]
    [InlineData("[Governance] Re: Charter", true)]
    [InlineData("AW: Charter", true)]
    [InlineData("Re[2]: Charter", true)]
    [InlineData("回复：会议", true)]
    [InlineData("Ответ: Повестка", true)]
    [InlineData("Re: Fwd: Charter", true)]
    [InlineData("Fwd: Re: Charter", false)]
    [InlineData("WG: Charter", false)]
    [InlineData("Charter", false)]
    [InlineData("Re Charter", false)]
    [InlineData(null, false)]
    public void IsReply_looks_at_the_outermost_prefix(string? subject, bool expected)
    {
        Assert.Equal(expected, SubjectNormalizer.IsReply(subject));
    }
}
