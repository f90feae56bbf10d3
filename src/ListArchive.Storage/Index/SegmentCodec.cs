using System.Text.Json;

namespace ListArchive.Storage.Index;

/// <summary>
/// A message's segments as one compact JSON column of its row,
/// <c>[[kind,start,length,depth,authorName,authorAddress,dateUnix,offsetMinutes,citeMessageId],…]</c>.
/// One column instead of a row per segment: a body has seven segments on average
/// (twisted-python), and the segments are only ever read with their message, so a table of them
/// cost the import's critical index thread a second for nothing.
/// </summary>
internal static class SegmentCodec
{
    public static string Encode(IReadOnlyList<TextSegment> segments)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var s in segments)
            {
                json.WriteStartArray();
                json.WriteStringValue(s.Kind);
                json.WriteNumberValue(s.Start);
                json.WriteNumberValue(s.Length);
                json.WriteNumberValue(s.Depth);
                WriteString(json, s.AuthorName);
                WriteString(json, s.AuthorAddress);
                if (s.Date is { } d)
                {
                    json.WriteNumberValue(d.ToUnixTimeSeconds());
                    json.WriteNumberValue((long)d.Offset.TotalMinutes);
                }
                else
                {
                    json.WriteNullValue();
                    json.WriteNullValue();
                }

                WriteString(json, MessageIds.Normalize(s.CiteMessageId));
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads what <see cref="Encode"/> wrote; an unreadable column gives no segments, not an error.</summary>
    public static IReadOnlyList<TextSegment> Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            var list = new List<TextSegment>();
            foreach (var s in doc.RootElement.EnumerateArray())
            {
                DateTimeOffset? date = null;
                if (s[6].ValueKind == JsonValueKind.Number)
                {
                    var offset = TimeSpan.FromMinutes(s[7].GetInt64());
                    date = DateTimeOffset.FromUnixTimeSeconds(s[6].GetInt64()).ToOffset(offset);
                }

                list.Add(new TextSegment(s[0].GetString() ?? "", s[1].GetInt32(), s[2].GetInt32())
                {
                    Depth = s[3].GetInt32(),
                    AuthorName = Str(s[4]),
                    AuthorAddress = Str(s[5]),
                    Date = date,
                    CiteMessageId = Str(s[8]),
                });
            }

            return list;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IndexOutOfRangeException or FormatException or ArgumentException)
        {
            return [];
        }
    }

    private static void WriteString(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    private static string? Str(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() : null;
}
