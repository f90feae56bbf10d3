using System.Text.Json;
using ListArchive.Analysis.Links;

namespace ListArchive.Tools.UrlEval;

/// <summary>Runs url-vectors.json through <see cref="UrlUnwrapper"/>; prints pass/total per format.</summary>
internal static class VectorEval
{
    public static int Run(string path, TextWriter output)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var perFormat = new SortedDictionary<string, (int Pass, int Total)>(StringComparer.Ordinal);
        int failed = 0;
        foreach (var v in doc.RootElement.EnumerateArray())
        {
            var format = v.GetProperty("format").GetString()!;
            var wrapped = v.GetProperty("wrapped").GetString()!;
            var expected = v.TryGetProperty("expected", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            bool opaque = v.TryGetProperty("opaque", out var o) && o.GetBoolean();
            bool isUrl = !v.TryGetProperty("isUrl", out var u) || u.GetBoolean();
            var formats = v.TryGetProperty("formats", out var f) ? f.EnumerateArray().Select(x => x.GetString()!).ToArray() : [format];
            var r = UrlUnwrapper.TryUnwrap(wrapped);
            bool ok = format == "lookalike"
                ? r is null
                : r is not null && r.IsOpaque == opaque && r.Formats.SequenceEqual(formats) && RecipientData.Find(r.Target).Count == 0
                  && (opaque || (r.Target == expected && r.IsUrl == isUrl));
            var (pass, total) = perFormat.GetValueOrDefault(format);
            perFormat[format] = (pass + (ok ? 1 : 0), total + 1);
            if (!ok)
            {
                failed++;
                output.WriteLine($"FAIL {format}: {v.GetProperty("note").GetString()} -> {r?.Target ?? "(null)"}");
            }
        }

        output.WriteLine($"{"format",-18} {"pass",5} {"total",6} {"rate",7}");
        foreach (var (format, (pass, total)) in perFormat)
        {
            output.WriteLine($"{format,-18} {pass,5} {total,6} {100.0 * pass / total,6:F1}%");
        }

        int all = perFormat.Values.Sum(x => x.Total);
        output.WriteLine($"{"all",-18} {all - failed,5} {all,6} {100.0 * (all - failed) / Math.Max(1, all),6:F1}%");
        return failed;
    }
}
