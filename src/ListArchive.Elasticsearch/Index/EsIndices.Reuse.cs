using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Index;

internal static partial class EsIndices
{
    // Index kinds of text reuse (issue 6; docs/text-reuse.md §9) and campaigns (issue 8; docs/campaigns.md),
    // the Elasticsearch counterparts of the SQLite tables named in each comment. Hashes and band keys are
    // 64-bit: they are keyword terms (decimal), never JSON numbers, so no client or emulator rounds them.
    public const string Fingerprints = "fingerprints";
    public const string QuoteFingerprints = "quote-fingerprints";
    public const string ReuseSources = "reuse-sources";
    public const string Attributions = "attributions";
    public const string ReuseState = "reuse-state";
    public const string ReuseDirty = "reuse-dirty";
    public const string Documents = "documents";
    public const string CampaignDirty = "campaign-dirty";
    public const string CampaignSketches = "campaign-sketches";
    public const string Campaigns = "campaigns";
    public const string CampaignMembers = "campaign-members";

    /// <summary>Fingerprints, attributions, documents and campaigns (text reuse).</summary>
    public static readonly EsIndexDefinition[] Reuse =
    [
        // fingerprints: one posting per (hash, source), _id "{hash}:{source}"; holders of a hash are a terms
        // query on hash (counts and the first holders by a terms aggregation with top_hits).
        ReuseDefine(Fingerprints, 1, ("hash", ReuseKeyword()), ("source", ReuseLong()), ("position", ReuseStored("integer"))),
        // quote_fingerprints: _id "{hash}:{raw_id}".
        ReuseDefine(QuoteFingerprints, 1, ("hash", ReuseKeyword()), ("raw_id", ReuseLong())),
        // reuse_sources: _id = source key; the hash lists (packed, base64) say which postings to delete later.
        ReuseDefine(ReuseSources, 1, ("source", ReuseLong()), ("own", ReuseStored("keyword")), ("quoted", ReuseStored("keyword"))),
        // attributions + quote_parents of one target (raw id or −document key), _id = target. "sources" finds who
        // quotes a message (positions); "list" and "quoted_parent" feed the threader; spans and score are stored only.
        ReuseDefine(Attributions, 1, ("target", ReuseLong()), ("list", ReuseKeyword()), ("sources", ReuseLong()), ("quoted_parent", ReuseKeyword()), ("data", ReuseDisabled())),
        // reuse_state: _id = key.
        ReuseDefine(ReuseState, 1, ("key", ReuseKeyword()), ("value", ReuseLong())),
        // reuse_dirty: _id = source key.
        ReuseDefine(ReuseDirty, 1, ("source", ReuseLong())),
        // documents: _id = doc_key; not derived, so never emptied by a reset.
        ReuseDefine(Documents, 1, ("doc_key", ReuseLong()), ("id", ReuseKeyword()), ("date_utc", ReuseLong()), ("data", ReuseDisabled())),
        // campaign_dirty: _id = raw id (filled by the message writes, as SQLite's triggers do).
        ReuseDefine(CampaignDirty, 1, ("raw_id", ReuseLong())),
        // campaign_sketches + campaign_bands in one document a message (_id = raw id): the band keys are
        // indexed, so candidates are a terms query on "bands" (one document a message, not one a band).
        ReuseDefine(CampaignSketches, 1, ("raw_id", ReuseLong()), ("words", ReuseStored("integer")), ("bands", ReuseKeyword())),
        // campaigns: _id = campaign id; order_date = coalesce(flagged_at, last_date) for the list order.
        ReuseDefine(Campaigns, 1, ("id", ReuseKeyword()), ("flagged", new JsonObject { ["type"] = "boolean" }), ("copies", ReuseInteger()), ("senders", ReuseInteger()),
            ("lists", ReuseInteger()), ("first_date", ReuseDate()), ("last_date", ReuseDate()), ("flagged_at", ReuseDate()), ("order_date", ReuseDate()),
            ("control", ReuseKeyword()), ("signals", ReuseDisabled())),
        // campaign_members: _id = raw id; the member's list is copied so campaigns on lists need no join.
        ReuseDefine(CampaignMembers, 1, ("raw_id", ReuseLong()), ("campaign_id", ReuseKeyword()), ("list", ReuseKeyword())),
    ];

    private static EsIndexDefinition ReuseDefine(string kind, int version, params (string Name, JsonObject Mapping)[] fields)
    {
        var properties = new JsonObject();
        foreach (var (name, mapping) in fields)
        {
            properties[name] = mapping;
        }

        var mappings = new JsonObject
        {
            ["dynamic"] = "strict",
            ["_meta"] = new JsonObject { ["schema"] = new JsonObject { ["name"] = kind, ["version"] = version } },
            ["properties"] = properties,
        };
        return new EsIndexDefinition(kind, version, mappings);
    }

    private static JsonObject ReuseKeyword() => new() { ["type"] = "keyword" };

    private static JsonObject ReuseLong() => new() { ["type"] = "long" };

    private static JsonObject ReuseInteger() => new() { ["type"] = "integer" };

    private static JsonObject ReuseDate() => new() { ["type"] = "date" };

    private static JsonObject ReuseStored(string type) => new() { ["type"] = type, ["index"] = false, ["doc_values"] = false };

    private static JsonObject ReuseDisabled() => new() { ["type"] = "object", ["enabled"] = false };
}
