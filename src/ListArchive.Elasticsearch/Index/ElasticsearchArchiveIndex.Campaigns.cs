using System.Text.Json;
using System.Text.Json.Nodes;
using ListArchive.Analysis.Campaigns;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Storage.Index;
using static ListArchive.Elasticsearch.Index.ReuseRequests;

namespace ListArchive.Elasticsearch.Index;

// Campaigns (issue 8; docs/campaigns.md) on Elasticsearch: the same contract and results as
// SqliteArchiveIndex.Campaigns.cs. The queue is filled by the message writes (EnqueueCampaignDirty, or the
// message documents' campaign_dirty flag), sketches carry their LSH band keys as an indexed keyword array
// (candidates: one terms query), clusters and members are documents of their own.
public sealed partial class ElasticsearchArchiveIndex
{
    private static readonly JsonSerializerOptions CampaignSignalJson = new(JsonSerializerDefaults.Web);

    /// <summary>Buckets of a terms aggregation over lists (search.max_buckets allows 65,536 in all).</summary>
    private const int ListBuckets = 10_000;

    /// <inheritdoc />
    public IReadOnlyList<long> GetCampaignDirty(int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        BeforeRead();
        var queued = FirstSorted(ReadAlias(EsIndices.CampaignDirty), MatchAll(), "raw_id", limit);
        var flagged = FirstSorted(ReadAlias(EsIndices.Messages), Term("campaign_dirty", true), "raw_id", limit);
        return queued.Concat(flagged).Distinct().Order().Take(limit).ToList();
    }

    /// <summary>The first <paramref name="limit"/> values of a long field in ascending order.</summary>
    private List<long> FirstSorted(string index, JsonObject query, string field, int limit)
    {
        var hits = limit <= MaxWindow
            ? SearchPage(_client, index, query, Source(field), Sort((field, "asc")), limit).OfType<JsonObject>()
            : _client.Scan(index, query, Sort((field, "asc")), Source(field), pageSize: 5000).Take(limit);
        return hits.Select(h => Long(SourceOf(h), field) ?? 0).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<CampaignMember> GetCampaignMembers(IReadOnlyCollection<long> rawIds)
    {
        if (rawIds.Count == 0)
        {
            return [];
        }

        BeforeRead();
        var rows = Lookup(_client, ReadAlias(EsIndices.Messages), rawIds, ks => Ids(ks), Source("raw_id", "message_id", "list", "author_id", "from_name",
                "from_address", "from_text", "date", "date_offset", "subject", "body", "segments", "links"))
            .Select(SourceOf).OrderBy(s => Long(s, "raw_id")).ToList();

        // First-time sender: no earlier message of the same author on the same list. The earliest date of each
        // (list, author) pair comes from one aggregation; a member is first-time when its date is that earliest.
        var earliest = new Dictionary<(string List, string Author), double>();
        var pairs = rows.Where(s => Str(s, "author_id") is not null && Str(s, "date") is not null)
            .Select(s => (List: Str(s, "list") ?? "", Author: Str(s, "author_id")!)).Distinct().ToList();
        foreach (var byList in pairs.GroupBy(p => p.List, StringComparer.Ordinal))
        {
            var authors = byList.Select(p => p.Author).ToList();
            for (var i = 0; i < authors.Count; i += ListBuckets)
            {
                var chunk = authors.GetRange(i, Math.Min(ListBuckets, authors.Count - i));
                var body = new JsonObject
                {
                    ["size"] = 0,
                    ["query"] = Filter(Term("list", byList.Key), Terms("author_id", chunk)),
                    ["aggregations"] = new JsonObject
                    {
                        ["authors"] = new JsonObject
                        {
                            ["terms"] = new JsonObject { ["field"] = "author_id", ["size"] = chunk.Count },
                            ["aggregations"] = new JsonObject { ["first"] = new JsonObject { ["min"] = new JsonObject { ["field"] = "date" } } },
                        },
                    },
                };
                var buckets = _client.Send(HttpMethod.Post, $"/{ReadAlias(EsIndices.Messages)}/_search", body).Body?["aggregations"]?["authors"]?["buckets"] as JsonArray;
                foreach (var b in buckets?.OfType<JsonObject>() ?? [])
                {
                    if (b["first"]?["value"] is JsonValue v && v.TryGetValue<double>(out var min))
                    {
                        earliest[(byList.Key, b["key"]?.ToString() ?? "")] = min;
                    }
                }
            }
        }

        return rows.Select(s =>
        {
            var raw = Long(s, "raw_id") ?? 0;
            var list = Str(s, "list") ?? "";
            var own = SqliteArchiveIndex.CampaignText(Str(s, "body") ?? "", EsSegments.FromJson(s["segments"]));
            var urls = (s["links"] as JsonArray)?.OfType<JsonObject>().Select(l => Str(l, "url")).OfType<string>().ToList() ?? [];
            urls.AddRange(SqliteArchiveIndex.UrlInText().Matches(own).Select(m => m.Value));
            var date = MessageDate(s);
            var author = Str(s, "author_id");
            var first = author is not null && date is { } d && earliest.TryGetValue((list, author), out var min)
                && min >= d.ToUnixTimeSeconds() * 1000.0;
            return new CampaignMember(raw, Str(s, "message_id") ?? "", list, author ?? Str(s, "from_address") ?? Str(s, "from_text") ?? "",
                Str(s, "from_name"), Str(s, "from_address"), date, Str(s, "subject") ?? "", own, urls.Distinct(StringComparer.Ordinal).ToList(), first);
        }).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<long, (string Text, DateTimeOffset? Date)> GetCampaignTexts(IReadOnlyCollection<long> rawIds)
    {
        var result = new Dictionary<long, (string Text, DateTimeOffset? Date)>();
        if (rawIds.Count == 0)
        {
            return result;
        }

        BeforeRead();
        foreach (var hit in Lookup(_client, ReadAlias(EsIndices.Messages), rawIds, ks => Ids(ks), Source("raw_id", "body", "segments", "date")))
        {
            var s = SourceOf(hit);
            result[Long(s, "raw_id") ?? 0] = (SqliteArchiveIndex.CampaignText(Str(s, "body") ?? "", EsSegments.FromJson(s["segments"])), EsDates.Parse(Str(s, "date")));
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<(long Key, long RawId)> GetCampaignCandidates(IReadOnlyCollection<long> bandKeys)
    {
        if (bandKeys.Count == 0)
        {
            return [];
        }

        BeforeRead();
        var wanted = bandKeys.ToHashSet();
        var result = new SortedSet<(long Key, long RawId)>();
        foreach (var hit in Lookup(_client, ReadAlias(EsIndices.CampaignSketches), wanted, ks => Terms("bands", ks.Select(Id)), Source("raw_id", "bands")))
        {
            var s = SourceOf(hit);
            var raw = Long(s, "raw_id") ?? 0;
            foreach (var band in Strings(s, "bands"))
            {
                if (long.TryParse(band, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var key) && wanted.Contains(key))
                {
                    result.Add((key, raw));
                }
            }
        }

        return [.. result];
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<long, string> GetCampaignOf(IReadOnlyCollection<long> rawIds)
    {
        var result = new Dictionary<long, string>();
        if (rawIds.Count == 0)
        {
            return result;
        }

        var ids = rawIds.Distinct().Select(Id).ToList();
        for (var i = 0; i < ids.Count; i += MaxTerms)
        {
            foreach (var doc in _client.GetMany(ReadAlias(EsIndices.CampaignMembers), ids.GetRange(i, Math.Min(MaxTerms, ids.Count - i))))
            {
                var s = SourceOf(doc);
                result[Long(s, "raw_id") ?? 0] = Str(s, "campaign_id") ?? "";
            }
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<long> GetCampaignMemberIds(string campaignId)
    {
        BeforeRead();
        return All(_client, ReadAlias(EsIndices.CampaignMembers), Term("campaign_id", campaignId), Source("raw_id"), Sort(("raw_id", "asc")))
            .Select(h => Long(SourceOf(h), "raw_id") ?? 0).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> GetListRates()
    {
        BeforeRead();
        var body = new JsonObject
        {
            ["size"] = 0,
            ["query"] = MatchAll(),
            ["aggregations"] = new JsonObject
            {
                ["lists"] = new JsonObject
                {
                    ["terms"] = new JsonObject { ["field"] = "list", ["size"] = ListBuckets },
                    ["aggregations"] = new JsonObject
                    {
                        ["first"] = new JsonObject { ["min"] = new JsonObject { ["field"] = "date" } },
                        ["last"] = new JsonObject { ["max"] = new JsonObject { ["field"] = "date" } },
                    },
                },
            },
        };
        var buckets = _client.Send(HttpMethod.Post, $"/{ReadAlias(EsIndices.Messages)}/_search", body).Body?["aggregations"]?["lists"]?["buckets"] as JsonArray;
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var b in buckets?.OfType<JsonObject>() ?? [])
        {
            var n = (long?)b["doc_count"] ?? 0;
            // SQLite: min/max of Unix seconds; a list without dates counts one hour.
            var hours = b["first"]?["value"] is JsonValue f && f.TryGetValue<double>(out var first) && b["last"]?["value"] is JsonValue l && l.TryGetValue<double>(out var last)
                ? Math.Max(1.0, ((long)(last / 1000) - (long)(first / 1000)) / 3600.0)
                : 1;
            result[b["key"]?.ToString() ?? ""] = n / hours;
        }

        return result;
    }

    /// <inheritdoc />
    public void ApplyCampaigns(
        IReadOnlyCollection<long> processed,
        IReadOnlyDictionary<long, CampaignSketch?> sketches,
        IReadOnlyCollection<string> removed,
        IReadOnlyList<StoredCampaign> campaigns)
    {
        BeforeRead();
        var ops = new List<BulkOperation>();
        string sketchAlias = WriteAlias(EsIndices.CampaignSketches), dirtyAlias = WriteAlias(EsIndices.CampaignDirty);
        foreach (var raw in processed)
        {
            if (sketches.GetValueOrDefault(raw) is { } sketch)
            {
                ops.Add(new BulkOperation(BulkAction.Index, sketchAlias, Id(raw), new JsonObject
                {
                    ["raw_id"] = raw,
                    ["words"] = sketch.Words,
                    ["bands"] = new JsonArray([.. sketch.BandKeys.Distinct().Select(k => (JsonNode)JsonValue.Create(Id(k))!)]),
                }));
            }
            else
            {
                ops.Add(new BulkOperation(BulkAction.Delete, sketchAlias, Id(raw)));
            }

            ops.Add(new BulkOperation(BulkAction.Delete, dirtyAlias, Id(raw)));
        }

        // Messages queued by the flag on their document (es-core's alternative to the queue index).
        foreach (var hit in Lookup(_client, ReadAlias(EsIndices.Messages), processed, ks => Filter(Ids(ks), Term("campaign_dirty", true)), Source("raw_id")))
        {
            ops.Add(new BulkOperation(BulkAction.Update, WriteAlias(EsIndices.Messages), Id(Long(SourceOf(hit), "raw_id") ?? 0),
                new JsonObject { ["campaign_dirty"] = false }));
        }

        string campaignAlias = WriteAlias(EsIndices.Campaigns), memberAlias = WriteAlias(EsIndices.CampaignMembers);
        if (removed.Count > 0)
        {
            foreach (var id in removed)
            {
                ops.Add(new BulkOperation(BulkAction.Delete, campaignAlias, id));
            }

            // Deleted before the new memberships below: a bulk request applies one document's operations in order.
            foreach (var hit in Lookup(_client, ReadAlias(EsIndices.CampaignMembers), removed, ids => Terms("campaign_id", ids), Source("raw_id")))
            {
                ops.Add(new BulkOperation(BulkAction.Delete, memberAlias, Id(Long(SourceOf(hit), "raw_id") ?? 0)));
            }
        }

        var listOf = new Dictionary<long, string>();
        foreach (var hit in Lookup(_client, ReadAlias(EsIndices.Messages), campaigns.SelectMany(c => c.Members).ToList(), ks => Ids(ks), Source("raw_id", "list")))
        {
            var s = SourceOf(hit);
            listOf[Long(s, "raw_id") ?? 0] = Str(s, "list") ?? "";
        }

        foreach (var campaign in campaigns)
        {
            var s = campaign.Signals;
            var doc = new JsonObject
            {
                ["id"] = campaign.Id,
                ["flagged"] = s.Flagged,
                ["copies"] = s.Copies,
                ["senders"] = s.Senders,
                ["lists"] = s.Lists,
                ["signals"] = JsonSerializer.SerializeToNode(s, CampaignSignalJson),
            };
            SetDate(doc, "first_date", s.First);
            SetDate(doc, "last_date", s.Last);
            SetDate(doc, "flagged_at", s.FlaggedAt);
            SetDate(doc, "order_date", s.FlaggedAt ?? s.Last);
            if (s.Control is { } control)
            {
                doc["control"] = control;
            }

            ops.Add(new BulkOperation(BulkAction.Index, campaignAlias, campaign.Id, doc));
            foreach (var raw in campaign.Members)
            {
                var member = new JsonObject { ["raw_id"] = raw, ["campaign_id"] = campaign.Id };
                if (listOf.TryGetValue(raw, out var list))
                {
                    member["list"] = list;
                }

                ops.Add(new BulkOperation(BulkAction.Index, memberAlias, Id(raw), member));
            }
        }

        Bulk(_client, ops);
        MarkWritten();
    }

    private static void SetDate(JsonObject doc, string field, DateTimeOffset? date)
    {
        if (date is { } d)
        {
            doc[field] = EsDates.Format(d);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> GetListsOf(IReadOnlyCollection<long> rawIds)
    {
        if (rawIds.Count == 0)
        {
            return [];
        }

        BeforeRead();
        return Lookup(_client, ReadAlias(EsIndices.Messages), rawIds, ks => Ids(ks), Source("list"))
            .Select(h => Str(SourceOf(h), "list")).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> GetCampaignIdsOnLists(IReadOnlyCollection<string> lists)
    {
        if (lists.Count == 0)
        {
            return [];
        }

        BeforeRead();
        return Lookup(_client, ReadAlias(EsIndices.CampaignMembers), lists, ls => Terms("list", ls), Source("campaign_id"))
            .Select(h => Str(SourceOf(h), "campaign_id")).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<CampaignSummary> GetCampaigns(bool all, int offset, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        BeforeRead();
        var query = all ? MatchAll() : Term("flagged", true);
        var sort = Sort(("flagged", "desc"), ("order_date", "desc"), ("copies", "desc"), ("id", "asc"));
        var source = Source("id", "signals");
        var hits = offset + limit <= MaxWindow
            ? SearchPage(_client, ReadAlias(EsIndices.Campaigns), query, source, sort, limit, Math.Max(0, offset)).OfType<JsonObject>().ToList()
            : _client.Scan(ReadAlias(EsIndices.Campaigns), query, sort, source).Skip(Math.Max(0, offset)).Take(limit).ToList();
        var rows = hits.Select(h => (Id: Str(SourceOf(h), "id") ?? "", Signals: SourceOf(h)["signals"])).ToList();
        var members = CampaignMemberRows(rows.Select(r => r.Id).ToList());
        return rows.Select(r => Summary(r.Id, r.Signals, members.GetValueOrDefault(r.Id) ?? [])).ToList();
    }

    /// <inheritdoc />
    public CampaignView? GetCampaign(string id)
    {
        var doc = _client.Send(HttpMethod.Get, $"/{ReadAlias(EsIndices.Campaigns)}/_doc/{Uri.EscapeDataString(id)}", allowNotFound: true).Body as JsonObject;
        if (doc?["found"]?.GetValue<bool>() != true || doc["_source"] is not JsonObject source)
        {
            return null;
        }

        BeforeRead();
        var summary = Summary(id, source["signals"], CampaignMemberRows([id]).GetValueOrDefault(id) ?? []);
        var members = GetCampaignMembers(GetCampaignMemberIds(id));
        var messages = members
            .OrderBy(m => m.Date?.UtcTicks ?? long.MaxValue).ThenBy(m => m.MessageId, StringComparer.Ordinal).ThenBy(m => m.List, StringComparer.Ordinal)
            .Select(m => new CampaignMessage(m.RawId, m.List, m.MessageId, m.Subject, new PersonRef(m.SenderName, m.SenderAddress, m.Sender), m.Date, m.OwnText, m.FirstTimeSender))
            .ToList();
        return new CampaignView(summary, messages);
    }

    /// <summary>Members of campaigns as (Message-ID, list, subject), ordered as SQLite's Summary orders them (date, nulls last).</summary>
    private Dictionary<string, List<(string MessageId, string List, string Subject)>> CampaignMemberRows(IReadOnlyCollection<string> ids)
    {
        var result = new Dictionary<string, List<(string, string, string)>>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }

        var byRaw = Lookup(_client, ReadAlias(EsIndices.CampaignMembers), ids, cs => Terms("campaign_id", cs), Source("raw_id", "campaign_id"))
            .Select(SourceOf).ToDictionary(s => Long(s, "raw_id") ?? 0, s => Str(s, "campaign_id") ?? "");
        var rows = Lookup(_client, ReadAlias(EsIndices.Messages), byRaw.Keys.ToList(), ks => Ids(ks), Source("raw_id", "message_id", "list", "subject", "date"))
            .Select(SourceOf)
            .Select(s => (Campaign: byRaw[Long(s, "raw_id") ?? 0], Date: EsDates.Parse(Str(s, "date")), MessageId: Str(s, "message_id") ?? "", List: Str(s, "list") ?? "",
                Subject: Str(s, "subject") ?? ""))
            .OrderBy(r => r.Date is null).ThenBy(r => r.Date?.ToUnixTimeSeconds()).ThenBy(r => r.MessageId, StringComparer.Ordinal).ThenBy(r => r.List, StringComparer.Ordinal);
        foreach (var r in rows)
        {
            (result.TryGetValue(r.Campaign, out var l) ? l : result[r.Campaign] = []).Add((r.MessageId, r.List, r.Subject));
        }

        return result;
    }

    private static CampaignSummary Summary(string id, JsonNode? signals, List<(string MessageId, string List, string Subject)> members) => new(
        id,
        signals.Deserialize<CampaignSignals>(CampaignSignalJson)!,
        members.Count == 0 ? "" : members[0].Subject,
        members.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).ToList(),
        members.Select(m => m.List).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
}
