using System.Text.Json;
using System.Text.RegularExpressions;
using ListArchive.Analysis.Campaigns;
using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Index;

// Campaigns (issue 8; docs/campaigns.md): the queue of messages to fingerprint (filled by triggers
// on messages, so every writer — import, reindex, re-segmentation — feeds it without knowing), the
// MinHash band table for candidate lookup, and the clusters with their signals as JSON.
public sealed partial class SqliteArchiveIndex
{
    private static readonly JsonSerializerOptions SignalJson = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public IReadOnlyList<long> GetCampaignDirty(int limit)
    {
        using var c = OpenReader();
        return Query(c, "SELECT raw_id FROM campaign_dirty ORDER BY raw_id LIMIT $limit", r => r.GetInt64(0), ("$limit", limit));
    }

    /// <inheritdoc />
    public IReadOnlyList<CampaignMember> GetCampaignMembers(IReadOnlyCollection<long> rawIds)
    {
        if (rawIds.Count == 0)
        {
            return [];
        }

        using var c = OpenReader();
        var ids = JsonSerializer.Serialize(rawIds);
        var links = new Dictionary<long, List<string>>();
        foreach (var (raw, url) in Query(c, "SELECT raw_id, url FROM links WHERE raw_id IN (SELECT value FROM json_each($ids)) ORDER BY raw_id, seq",
            r => (r.GetInt64(0), r.GetString(1)), ("$ids", ids)))
        {
            if (!links.TryGetValue(raw, out var list))
            {
                links[raw] = list = [];
            }

            list.Add(url);
        }

        // First-time sender: no earlier message of the same author on the same list (messages_by_list_author).
        return Query(c, """
            SELECT m.raw_id, m.message_id, m.list, coalesce(m.author_id, m.from_address, m.from_text), m.from_name, m.from_address,
                   m.date_utc, m.date_offset, m.subject, m.body, m.segments,
                   m.author_id IS NOT NULL AND m.date_utc IS NOT NULL AND NOT EXISTS (
                       SELECT 1 FROM messages p WHERE p.list = m.list AND p.author_id = m.author_id AND p.date_utc < m.date_utc)
            FROM messages m WHERE m.raw_id IN (SELECT value FROM json_each($ids)) ORDER BY m.raw_id
            """, r =>
        {
            var raw = r.GetInt64(0);
            var own = CampaignText(r.GetString(9), r.GetString(10));
            var urls = links.GetValueOrDefault(raw) ?? [];
            urls.AddRange(UrlInText().Matches(own).Select(m => m.Value));
            return new CampaignMember(raw, r.GetString(1), r.GetString(2), r.GetString(3), Str(r, 4), Str(r, 5), Date(r, 6, 7),
                r.GetString(8), own, urls.Distinct(StringComparer.Ordinal).ToList(), r.GetInt64(11) != 0);
        }, ("$ids", ids));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<long, (string Text, DateTimeOffset? Date)> GetCampaignTexts(IReadOnlyCollection<long> rawIds)
    {
        if (rawIds.Count == 0)
        {
            return new Dictionary<long, (string, DateTimeOffset?)>();
        }

        using var c = OpenReader();
        return Query(c, "SELECT raw_id, body, segments, date_utc FROM messages WHERE raw_id IN (SELECT value FROM json_each($ids))",
            r => (r.GetInt64(0), CampaignText(r.GetString(1), r.GetString(2)), Utc(r, 3)), ("$ids", JsonSerializer.Serialize(rawIds)))
            .ToDictionary(p => p.Item1, p => (p.Item2, p.Item3));
    }

    /// <summary>
    /// The text a campaign is recognised by (docs/campaigns.md §Unit): the sender's own segments and
    /// what they forward, without quotes, attributions, signatures, footers and boilerplate. A
    /// signature is left out although own_text keeps it: a long signature would otherwise make every
    /// short message of its author a "copy" of the others (twisted-python, 2002–2006).
    /// </summary>
    internal static string CampaignText(string body, string segments) => CampaignText(body, SegmentCodec.Decode(segments));

    /// <inheritdoc cref="CampaignText(string, string)"/>
    internal static string CampaignText(string body, IReadOnlyList<TextSegment> parts)
    {
        if (parts.Count == 0)
        {
            return body;
        }

        var text = Join(body, parts, k => k == TextSegment.Own || k == "forward");
        if (Analysis.Reuse.WordStream.Create(text).Count >= MinCampaignWords)
        {
            return text;
        }

        // Nothing of the sender's own left: the footer learner may have taken a text that many
        // senders posted verbatim for a list footer (five identical petitions are indistinguishable
        // from a footer to it). Footer and boilerplate then count, so the copies stay visible; real
        // footers of empty posts are recognised as the negative control "footer-or-disclaimer".
        return Join(body, parts, k => k is not ("quote" or "attribution" or "signature"));
    }

    private const int MinCampaignWords = 8;

    private static string Join(string body, IReadOnlyList<TextSegment> parts, Func<string, bool> keep)
    {
        var sb = new System.Text.StringBuilder(body.Length);
        foreach (var s in parts)
        {
            if (keep(s.Kind) && s.Start >= 0 && s.Start + s.Length <= body.Length)
            {
                sb.Append(body, s.Start, s.Length).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <inheritdoc />
    public IReadOnlyList<(long Key, long RawId)> GetCampaignCandidates(IReadOnlyCollection<long> bandKeys)
    {
        if (bandKeys.Count == 0)
        {
            return [];
        }

        using var c = OpenReader();
        // An empty band table (first import, reindex) has no candidates: skip serialising the keys.
        if (Query(c, "SELECT 1 FROM campaign_bands LIMIT 1", r => 1).Count == 0)
        {
            return [];
        }

        return Query(c, "SELECT band, raw_id FROM campaign_bands WHERE band IN (SELECT value FROM json_each($keys))",
            r => (r.GetInt64(0), r.GetInt64(1)), ("$keys", JsonSerializer.Serialize(bandKeys)));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<long, string> GetCampaignOf(IReadOnlyCollection<long> rawIds)
    {
        if (rawIds.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        using var c = OpenReader();
        return Query(c, "SELECT raw_id, campaign_id FROM campaign_members WHERE raw_id IN (SELECT value FROM json_each($ids))",
            r => (r.GetInt64(0), r.GetString(1)), ("$ids", JsonSerializer.Serialize(rawIds))).ToDictionary(p => p.Item1, p => p.Item2);
    }

    /// <inheritdoc />
    public IReadOnlyList<long> GetCampaignMemberIds(string campaignId)
    {
        using var c = OpenReader();
        return Query(c, "SELECT raw_id FROM campaign_members WHERE campaign_id = $id ORDER BY raw_id", r => r.GetInt64(0), ("$id", campaignId));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> GetListRates()
    {
        using var c = OpenReader();
        return Query(c, "SELECT list, count(*), min(date_utc), max(date_utc) FROM messages GROUP BY list", r =>
        {
            var n = r.GetInt64(1);
            var hours = r.IsDBNull(2) ? 1 : Math.Max(1.0, (r.GetInt64(3) - r.GetInt64(2)) / 3600.0);
            return (r.GetString(0), n / hours);
        }).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public void ApplyCampaigns(
        IReadOnlyCollection<long> processed,
        IReadOnlyDictionary<long, CampaignSketch?> sketches,
        IReadOnlyCollection<string> removed,
        IReadOnlyList<StoredCampaign> campaigns)
    {
        using var tx = _connection.BeginTransaction();
        using var oldBands = Command(tx, "SELECT bands FROM campaign_sketches WHERE raw_id = $raw");
        using var deleteBand = Command(tx, "DELETE FROM campaign_bands WHERE band = $band AND raw_id = $raw");
        using var deleteSketch = Command(tx, "DELETE FROM campaign_sketches WHERE raw_id = $raw");
        using var insertSketch = Command(tx, "INSERT INTO campaign_sketches (raw_id, words, bands) VALUES ($raw, $words, $bands)");
        using var insertBand = Command(tx, "INSERT OR IGNORE INTO campaign_bands (band, raw_id) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each($rows)");
        var newBands = new List<(long Band, long Raw)>();
        using var deleteDirty = Command(tx, "DELETE FROM campaign_dirty WHERE raw_id IN (SELECT value FROM json_each($ids))");
        // Which processed messages had a sketch is asked once; a new message (the common case) has none.
        var ids = JsonSerializer.Serialize(processed);
        var hadSketch = new HashSet<long>();
        using (var had = Command(tx, "SELECT raw_id FROM campaign_sketches WHERE raw_id IN (SELECT value FROM json_each($ids))"))
        {
            had.Parameters["$ids"].Value = ids;
            using var r = had.ExecuteReader();
            while (r.Read())
            {
                hadSketch.Add(r.GetInt64(0));
            }
        }

        foreach (var raw in processed)
        {
            oldBands.Parameters["$raw"].Value = raw;
            if (hadSketch.Contains(raw) && oldBands.ExecuteScalar() is byte[] blob)
            {
                foreach (var band in Bands(blob))
                {
                    deleteBand.Parameters["$band"].Value = band;
                    deleteBand.Parameters["$raw"].Value = raw;
                    deleteBand.ExecuteNonQuery();
                }
            }

            if (hadSketch.Contains(raw))
            {
                deleteSketch.Parameters["$raw"].Value = raw;
                deleteSketch.ExecuteNonQuery();
            }

            if (sketches.GetValueOrDefault(raw) is { } sketch)
            {
                insertSketch.Parameters["$raw"].Value = raw;
                insertSketch.Parameters["$words"].Value = sketch.Words;
                insertSketch.Parameters["$bands"].Value = Blob(sketch.BandKeys);
                insertSketch.ExecuteNonQuery();
                foreach (var band in sketch.BandKeys)
                {
                    newBands.Add((band, raw));
                }
            }
        }

        // The chunk's band rows in key order, a few thousand a statement: one statement a row in random key
        // order was most of the stage's write time (twisted-python, 33k messages × 32 bands).
        newBands.Sort();
        var rows = new System.Text.StringBuilder();
        for (var start = 0; start < newBands.Count; start += 20_000)
        {
            rows.Clear().Append('[');
            for (var i = start; i < Math.Min(newBands.Count, start + 20_000); i++)
            {
                rows.Append(i > start ? ",[" : "[").Append(newBands[i].Band).Append(',').Append(newBands[i].Raw).Append(']');
            }

            insertBand.Parameters["$rows"].Value = rows.Append(']').ToString();
            insertBand.ExecuteNonQuery();
        }

        deleteDirty.Parameters["$ids"].Value = ids;
        deleteDirty.ExecuteNonQuery();

        using var deleteCampaign = Command(tx, "DELETE FROM campaigns WHERE id = $id");
        using var deleteMembers = Command(tx, "DELETE FROM campaign_members WHERE campaign_id = $id");
        foreach (var id in removed)
        {
            deleteCampaign.Parameters["$id"].Value = id;
            deleteCampaign.ExecuteNonQuery();
            deleteMembers.Parameters["$id"].Value = id;
            deleteMembers.ExecuteNonQuery();
        }

        using var insertCampaign = Command(tx, """
            INSERT OR REPLACE INTO campaigns (id, flagged, copies, senders, lists, first_date, last_date, flagged_at, control, signals)
            VALUES ($id, $flagged, $copies, $senders, $lists, $first, $last, $at, $control, $signals)
            """);
        using var insertMember = Command(tx, "INSERT OR REPLACE INTO campaign_members (raw_id, campaign_id) VALUES ($raw, $id)");
        foreach (var campaign in campaigns)
        {
            var s = campaign.Signals;
            var p = insertCampaign.Parameters;
            p["$id"].Value = campaign.Id;
            p["$flagged"].Value = s.Flagged ? 1 : 0;
            p["$copies"].Value = s.Copies;
            p["$senders"].Value = s.Senders;
            p["$lists"].Value = s.Lists;
            p["$first"].Value = (object?)s.First?.ToUnixTimeSeconds() ?? DBNull.Value;
            p["$last"].Value = (object?)s.Last?.ToUnixTimeSeconds() ?? DBNull.Value;
            p["$at"].Value = (object?)s.FlaggedAt?.ToUnixTimeSeconds() ?? DBNull.Value;
            p["$control"].Value = (object?)s.Control ?? DBNull.Value;
            p["$signals"].Value = JsonSerializer.Serialize(s, SignalJson);
            insertCampaign.ExecuteNonQuery();
            foreach (var raw in campaign.Members)
            {
                insertMember.Parameters["$raw"].Value = raw;
                insertMember.Parameters["$id"].Value = campaign.Id;
                insertMember.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> GetListsOf(IReadOnlyCollection<long> rawIds)
    {
        using var c = OpenReader();
        return Query(c, "SELECT DISTINCT list FROM messages WHERE raw_id IN (SELECT value FROM json_each($ids)) ORDER BY list",
            r => r.GetString(0), ("$ids", JsonSerializer.Serialize(rawIds)));
    }

    /// <inheritdoc />
    public IReadOnlyList<string> GetCampaignIdsOnLists(IReadOnlyCollection<string> lists)
    {
        using var c = OpenReader();
        return Query(c, """
            SELECT DISTINCT cm.campaign_id FROM campaign_members cm JOIN messages m ON m.raw_id = cm.raw_id
            WHERE m.list IN (SELECT value FROM json_each($lists)) ORDER BY cm.campaign_id
            """, r => r.GetString(0), ("$lists", JsonSerializer.Serialize(lists)));
    }

    /// <inheritdoc />
    public IReadOnlyList<CampaignSummary> GetCampaigns(bool all, int offset, int limit)
    {
        using var c = OpenReader();
        var rows = Query(c, """
            SELECT id, signals FROM campaigns WHERE flagged = 1 OR $all = 1
            ORDER BY flagged DESC, coalesce(flagged_at, last_date) DESC, copies DESC, id LIMIT $limit OFFSET $offset
            """, r => (r.GetString(0), r.GetString(1)), ("$all", all ? 1 : 0), ("$limit", limit), ("$offset", offset));
        return rows.Select(row => Summary(c, row.Item1, row.Item2)).ToList();
    }

    /// <inheritdoc />
    public CampaignView? GetCampaign(string id)
    {
        using var c = OpenReader();
        var rows = Query(c, "SELECT signals FROM campaigns WHERE id = $id", r => r.GetString(0), ("$id", id));
        if (rows.Count == 0)
        {
            return null;
        }

        var summary = Summary(c, id, rows[0]);
        var members = GetCampaignMembers(GetCampaignMemberIds(id));
        var messages = members
            .OrderBy(m => m.Date?.UtcTicks ?? long.MaxValue).ThenBy(m => m.MessageId, StringComparer.Ordinal).ThenBy(m => m.List, StringComparer.Ordinal)
            .Select(m => new CampaignMessage(m.RawId, m.List, m.MessageId, m.Subject, new PersonRef(m.SenderName, m.SenderAddress, m.Sender), m.Date, m.OwnText, m.FirstTimeSender))
            .ToList();
        return new CampaignView(summary, messages);
    }

    private static CampaignSummary Summary(SqliteConnection c, string id, string signals)
    {
        var members = Query(c, """
            SELECT m.message_id, m.list, m.subject FROM campaign_members cm JOIN messages m ON m.raw_id = cm.raw_id
            WHERE cm.campaign_id = $id ORDER BY m.date_utc IS NULL, m.date_utc, m.message_id, m.list
            """, r => (r.GetString(0), r.GetString(1), r.GetString(2)), ("$id", id));
        return new CampaignSummary(
            id,
            JsonSerializer.Deserialize<CampaignSignals>(signals, SignalJson)!,
            members.Count == 0 ? "" : members[0].Item3,
            members.Select(m => m.Item1).Distinct(StringComparer.Ordinal).ToList(),
            members.Select(m => m.Item2).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }

    private SqliteCommand Command(SqliteTransaction tx, string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (Match m in Regex.Matches(sql, @"\$[a-z]+"))
        {
            if (!cmd.Parameters.Contains(m.Value))
            {
                cmd.Parameters.AddWithValue(m.Value, DBNull.Value);
            }
        }

        return cmd;
    }

    private static byte[] Blob(long[] keys)
    {
        var bytes = new byte[keys.Length * 8];
        for (var i = 0; i < keys.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), keys[i]);
        }

        return bytes;
    }

    private static IEnumerable<long> Bands(byte[] blob)
    {
        for (var i = 0; i + 8 <= blob.Length; i += 8)
        {
            yield return System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(blob.AsSpan(i));
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""'()\[\]]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex UrlInText();
}
