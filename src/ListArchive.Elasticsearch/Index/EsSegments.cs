using System.Globalization;
using System.Text.Json.Nodes;
using ListArchive.Storage;
using ListArchive.Storage.Index;

namespace ListArchive.Elasticsearch.Index;

/// <summary>
/// A message's segments in its document (<c>segments</c>, stored, not indexed): an array of
/// <c>{kind, start, length, depth, author_name, author_address, date, date_offset, cite_message_id}</c>,
/// the fields of <see cref="SegmentCodec"/>'s column as named members; null members are left out.
/// <c>date</c> is ISO-8601 UTC and <c>date_offset</c> the original offset in minutes.
/// </summary>
internal static class EsSegments
{
    public static JsonArray ToJson(IReadOnlyList<TextSegment> segments)
    {
        var array = new JsonArray();
        foreach (var s in segments)
        {
            var o = new JsonObject { ["kind"] = s.Kind, ["start"] = s.Start, ["length"] = s.Length, ["depth"] = s.Depth };
            if (s.AuthorName is not null)
                o["author_name"] = s.AuthorName;
            if (s.AuthorAddress is not null)
                o["author_address"] = s.AuthorAddress;
            if (s.Date is { } d)
            {
                o["date"] = EsDates.Format(d);
                o["date_offset"] = (long)d.Offset.TotalMinutes;
            }

            if (MessageIds.Normalize(s.CiteMessageId) is { } cite)
                o["cite_message_id"] = cite;
            array.Add(o);
        }

        return array;
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote; unreadable entries are skipped, never an error.</summary>
    public static List<TextSegment> FromJson(JsonNode? node)
    {
        var list = new List<TextSegment>();
        if (node is not JsonArray array)
            return list;
        foreach (var item in array)
        {
            if (item is not JsonObject o || (string?)o["kind"] is not { } kind)
                continue;
            list.Add(new TextSegment(kind, (int?)o["start"] ?? 0, (int?)o["length"] ?? 0)
            {
                Depth = (int?)o["depth"] ?? 0,
                AuthorName = (string?)o["author_name"],
                AuthorAddress = (string?)o["author_address"],
                Date = EsDates.Parse((string?)o["date"], (long?)o["date_offset"]),
                CiteMessageId = (string?)o["cite_message_id"],
            });
        }

        return list;
    }
}
