using System.Text.Json;
using System.Text.Json.Nodes;
using ListArchive.Analysis.Campaigns;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Storage.Index;
using R = ListArchive.Elasticsearch.Index.ReuseRequests;

namespace ListArchive.Elasticsearch.Index;

// Campaigns (issue 8; docs/campaigns.md) on Elasticsearch: the same contract and results as
// SqliteArchiveIndex.Campaigns.cs. The queue is filled by the message writes (EnqueueCampaignDirty, where
// SQLite has triggers), sketches carry their LSH band keys as an indexed keyword array (candidates: one
// terms query), clusters and members are documents of their own.
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
        return FirstSorted(ReadAlias(EsIndices.CampaignDirty), R.MatchAll(), "raw_id", limit);
    }

    /// <summary>The first <paramref name="limit"/> values of a long field in ascending order.</summary>
    private List<long> FirstSorted(string index, JsonObject query, string field, int limit)
    {
        var hits = limit <= R.MaxWindow
            ? R.SearchPage(_client, index, query, R.Source(field), R.Sort((field, "asc")), limit).OfType<JsonObject>()
            : _client.Scan(index, query, R.Sort((field, "asc")), R.Source(field), pageSize: 5000).Take(limit);
        return hits.Select(h => R.Long(R.SourceOf(h), field) ?? 0).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<CampaignMember> GetCampaignMembers(IReadOnlyCollection<long> rawIds)
    {
        if (rawIds.Count == 0)
        {
            return [];
        }

        BeforeRead();
        var rows = R.Lookup(_client, ReadAlias(EsIndices.Messages), rawIds, ks => R.Ids(ks), R.Source("raw_id", "message_id", "list", "author_id", "from_name",
                "from_address", "from_text", "date", "date_offset", "subject", "body", "segments", "links"), unique: true)
            .Select(R.SourceOf).OrderBy(s => R.Long(s, "raw_id")).ToList();

        // First-time sender: no earlier message of the same author on the same list. The earliest date of each
        // (list, author) pair comes from one aggregation; a member is first-time when its date is that earliest.
        var earliest = new Dictionary<(string List, string Author), double>();
        var pairs = rows.Where(s => R.Str(s, "author_id") is not null && R.Str(s, "date") is not null)
            .Select(s => (List: R.Str(s, "list") ?? "", Author: R.Str(s, "author_id")!)).Distinct().ToList();
        foreach (var byList in pairs.GroupBy(p => p.List, StringComparer.Ordinal))
        {
            var authors = byList.Select(p => p.Author).ToList();
            for (var i = 0; i < authors.Count; i += ListBuckets)
            {
                var chunk = authors.GetRange(i, Math.Min(ListBuckets, authors.Count - i));
                var body = new JsonObject
                {
                    ["size"] = 0,
                    ["query"] = R.Filter(R.Term("list", byList.Key), R.Terms("author_id", chunk)),
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
            var raw = R.Long(s, "raw_id") ?? 0;
            var list = R.Str(s, "list") ?? "";
            var own = SqliteArchiveIndex.CampaignText(R.Str(s, "body") ?? "", EsSegments.FromJson(s["segments"]));
            var urls = (s["links"] as JsonArray)?.OfType<JsonObject>().Select(l => R.Str(l, "url")).OfType<string>().ToList() ?? [];
            urls.AddRange(SqliteArchiveIndex.UrlInText().Matches(own).Select(m => m.Value));
            var date = MessageDate(s);
            var author = R.Str(s, "author_id");
            var first = author is not null && date is { } d && earliest.TryGetValue((list, author), out var min)
                && min >= d.ToUnixTimeSeconds() * 1000.0;
            return new CampaignMember(raw, R.Str(s, "message_id") ?? "", list, author ?? R.Str(s, "from_address") ?? R.Str(s, "from_text") ?? "",
                R.Str(s, "from_name"), R.Str(s, "from_address"), date, R.Str(s, "subject") ?? "", own, urls.Distinct(StringComparer.Ordinal).ToList(), first);
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
        foreach (var hit in R.Lookup(_client, ReadAlias(EsIndices.Messages), rawIds, ks => R.Ids(ks), R.Source("raw_id", "body", "segments", "date"), unique: true))
        {
            var s = R.SourceOf(hit);
            result[R.Long(s, "raw_id") ?? 0] = (SqliteArchiveIndex.CampaignText(R.Str(s, "body") ?? "", EsSegments.FromJson(s["segments"])), EsDates.Parse(R.Str(s, "date")));
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
        foreach (var hit in R.Lookup(_client, ReadAlias(EsIndices.CampaignSketches), wanted, ks => R.Terms("bands", ks.Select(R.Id)), R.Source("raw_id", "bands")))
        {
            var s = R.SourceOf(hit);
            var raw = R.Long(s, "raw_id") ?? 0;
            foreach (var band in R.Strings(s, "bands"))
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

        var ids = rawIds.Distinct().Select(R.Id).ToList();
        for (var i = 0; i < ids.Count; i += R.MaxTerms)
        {
            foreach (var doc in _client.GetMany(ReadAlias(EsIndices.CampaignMembers), ids.GetRange(i, Math.Min(R.MaxTerms, ids.Count - i))))
            {
                var s = R.SourceOf(doc);
                result[R.Long(s, "raw_id") ?? 0] = R.Str(s, "campaign_id") ?? "";
            }
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<long> GetCampaignMemberIds(string campaignId)
    {
        BeforeRead();
        return R.All(_client, ReadAlias(EsIndices.CampaignMembers), R.Term("campaign_id", campaignId), R.Source("raw_id"), R.Sort(("raw_id", "asc")))
            .Select(h => R.Long(R.SourceOf(h), "raw_id") ?? 0).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> GetListRates()
    {
        BeforeRead();
        var body = new JsonObject
        {
            ["size"] = 0,
            ["query"] = R.MatchAll(),
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
                ops.Add(new BulkOperation(BulkAction.Index, sketchAlias, R.Id(raw), new JsonObject
                {
                    ["raw_id"] = raw,
                    ["words"] = sketch.Words,
                    ["bands"] = new JsonArray([.. sketch.BandKeys.Distinct().Select(k => (JsonNode)JsonValue.Create(R.Id(k))!)]),
                }));
            }
            else
            {
                ops.Add(new BulkOperation(BulkAction.Delete, sketchAlias, R.Id(raw)));
            }

            ops.Add(new BulkOperation(BulkAction.Delete, dirtyAlias, R.Id(raw)));
        }

        string campaignAlias = WriteAlias(EsIndices.Campaigns), memberAlias = WriteAlias(EsIndices.CampaignMembers);
        if (removed.Count > 0)
        {
            foreach (var id in removed)
            {
                ops.Add(new BulkOperation(BulkAction.Delete, campaignAlias, id));
            }

            // Deleted before the new memberships below: a bulk request applies one document's operations in order.
            foreach (var hit in R.Lookup(_client, ReadAlias(EsIndices.CampaignMembers), removed, ids => R.Terms("campaign_id", ids), R.Source("raw_id")))
            {
                ops.Add(new BulkOperation(BulkAction.Delete, memberAlias, R.Id(R.Long(R.SourceOf(hit), "raw_id") ?? 0)));
            }
        }

        var listOf = new Dictionary<long, string>();
        foreach (var hit in R.Lookup(_client, ReadAlias(EsIndices.Messages), campaigns.SelectMany(c => c.Members).ToList(), ks => R.Ids(ks), R.Source("raw_id", "list"), unique: true))
        {
            var s = R.SourceOf(hit);
            listOf[R.Long(s, "raw_id") ?? 0] = R.Str(s, "list") ?? "";
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

                ops.Add(new BulkOperation(BulkAction.Index, memberAlias, R.Id(raw), member));
            }
        }

        R.Bulk(_client, ops);
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
        return R.Lookup(_client, ReadAlias(EsIndices.Messages), rawIds, ks => R.Ids(ks), R.Source("list"), unique: true)
            .Select(h => R.Str(R.SourceOf(h), "list")).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> GetCampaignIdsOnLists(IReadOnlyCollection<string> lists)
    {
        if (lists.Count == 0)
        {
            return [];
        }

        BeforeRead();
        return R.Lookup(_client, ReadAlias(EsIndices.CampaignMembers), lists, ls => R.Terms("list", ls), R.Source("campaign_id"))
            .Select(h => R.Str(R.SourceOf(h), "campaign_id")).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<CampaignSummary> GetCampaigns(bool all, int offset, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        BeforeRead();
        var query = all ? R.MatchAll() : R.Term("flagged", true);
        var sort = R.Sort(("flagged", "desc"), ("order_date", "desc"), ("copies", "desc"), ("id", "asc"));
        var source = R.Source("id", "signals");
        var hits = offset + limit <= R.MaxWindow
            ? R.SearchPage(_client, ReadAlias(EsIndices.Campaigns), query, source, sort, limit, Math.Max(0, offset)).OfType<JsonObject>().ToList()
            : _client.Scan(ReadAlias(EsIndices.Campaigns), query, sort, source).Skip(Math.Max(0, offset)).Take(limit).ToList();
        var rows = hits.Select(h => (Id: R.Str(R.SourceOf(h), "id") ?? "", Signals: R.SourceOf(h)["signals"])).ToList();
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

        var byRaw = R.Lookup(_client, ReadAlias(EsIndices.CampaignMembers), ids, cs => R.Terms("campaign_id", cs), R.Source("raw_id", "campaign_id"))
            .Select(R.SourceOf).ToDictionary(s => R.Long(s, "raw_id") ?? 0, s => R.Str(s, "campaign_id") ?? "");
        var rows = R.Lookup(_client, ReadAlias(EsIndices.Messages), byRaw.Keys.ToList(), ks => R.Ids(ks), R.Source("raw_id", "message_id", "list", "subject", "date"), unique: true)
            .Select(R.SourceOf)
            .Select(s => (Campaign: byRaw[R.Long(s, "raw_id") ?? 0], Date: EsDates.Parse(R.Str(s, "date")), MessageId: R.Str(s, "message_id") ?? "", List: R.Str(s, "list") ?? "",
                Subject: R.Str(s, "subject") ?? ""))
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
