using ListArchive.Analysis.Tests.Segments;

namespace ListArchive.Tools.SegmentEval;

/// <summary>Prints one body exactly as the labels count its lines (the text the segmenter gets), with its sha256.</summary>
internal static class Dump
{
    public static int Run(string corpus, string file, string? id, TextWriter output)
    {
        int? index = id is not null && id.StartsWith('#') ? int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) : null;
        var label = new LabelledMessage(corpus, file, index is null ? id : null, "", "", [], "", index);
        var body = new LabelledBodies().Find(label, out var error);
        if (body is null)
        {
            output.WriteLine(error);
            return 1;
        }

        output.WriteLine($"sha256 {body.Sha256}  html-quotes {body.HtmlQuotes.Count}  from {body.FromAddress}");
        var lines = body.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            output.WriteLine($"{i + 1,4}| {lines[i]}");
        }

        return 0;
    }
}
