using System.Text.Json;
using ListArchive.Mail.Html;

namespace ListArchive.Storage.Index;

/// <summary>
/// The HTML quote ranges of a message as a compact JSON column: <c>[[start,length,kind,depth,cite,attribution],…]</c>,
/// NULL when the body did not come from HTML (most list mail).
/// </summary>
internal static class HtmlQuoteCodec
{
    public static string? Encode(IReadOnlyList<QuoteRange> quotes)
    {
        if (quotes.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var q in quotes)
            {
                json.WriteStartArray();
                json.WriteNumberValue(q.Start);
                json.WriteNumberValue(q.Length);
                json.WriteStringValue(q.Kind);
                json.WriteNumberValue(q.Depth);
                json.WriteStringValue(q.CiteMessageId);
                json.WriteBooleanValue(q.IsAttribution);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads what <see cref="Encode"/> wrote; anything unreadable gives no ranges rather than an error.</summary>
    public static IReadOnlyList<QuoteRange> Decode(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            var list = new List<QuoteRange>();
            foreach (var q in doc.RootElement.EnumerateArray())
            {
                list.Add(new QuoteRange(q[0].GetInt32(), q[1].GetInt32(), q[2].GetString() ?? "", q[3].GetInt32(),
                    q[4].ValueKind == JsonValueKind.Null ? null : q[4].GetString())
                {
                    IsAttribution = q[5].GetBoolean(),
                });
            }

            return list;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            return [];
        }
    }
}
