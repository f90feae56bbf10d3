namespace ListArchive.Storage.Index;

/// <summary>
/// The derived schema of index.db. Versioned with PRAGMA user_version; the rule is simple
/// because everything here is derived: a database with another version has its derived tables
/// dropped and recreated (<see cref="SqliteArchiveIndex.NeedsReindex"/> tells the caller to
/// refill it from the raw store).
/// Dates are Unix seconds UTC plus the original offset in minutes. Multi-valued header fields
/// (In-Reply-To, References) are newline-joined Message-IDs without brackets.
/// </summary>
internal static class IndexSchema
{
    // 2: own and quoted text (segmentation), segment attribution, unwrapped links, learned trailers.
    // 3: the FTS5 table moved to fts.db (FullTextIndex; "messages_fts" is still dropped here);
    //    campaigns (issue 8): MinHash bands, clusters, members, and the queue of messages to (re)fingerprint.
    // 3: text reuse (issue 6): fingerprints, attributions, quoted-text parents; documents (kept across resets).
    public const int Version = 3;

    // "segments" was a table up to version 1; it is still dropped when an old index is reset.
    public static readonly string[] Tables =
    [
        "messages_fts", "messages", "problems", "segments", "attachments", "links", "trailers", "author_aliases", "author_nodes", "threads",
        "campaign_dirty", "campaign_sketches", "campaign_bands", "campaigns", "campaign_members",
        // Text reuse (issue 6, docs/text-reuse.md §9). "documents" is not here: it is not derived.
        "fingerprints", "quote_fingerprints", "reuse_sources", "attributions", "quote_parents", "reuse_state", "reuse_dirty",
    ];

    public const string Create = """
        CREATE TABLE messages (
            raw_id INTEGER PRIMARY KEY,
            list TEXT NOT NULL,
            message_id TEXT NOT NULL,
            subject TEXT NOT NULL,
            norm_subject TEXT NOT NULL,
            from_name TEXT,
            from_address TEXT,
            from_text TEXT NOT NULL,
            author_node TEXT,
            author_id TEXT,
            author_evidence TEXT NOT NULL,
            date_utc INTEGER,
            date_offset INTEGER,
            in_reply_to TEXT NOT NULL,
            refs TEXT NOT NULL,
            thread_id TEXT,
            parent_id TEXT,
            depth INTEGER,
            thread_order INTEGER,
            link_reason TEXT,
            body TEXT NOT NULL,
            own_text TEXT NOT NULL,
            quoted_text TEXT NOT NULL,
            html_quotes TEXT,
            trailer_key TEXT NOT NULL DEFAULT '',
            segments TEXT NOT NULL
        );
        CREATE INDEX messages_by_message_id ON messages (message_id, list);
        CREATE INDEX messages_by_list_date ON messages (list, date_utc);
        CREATE INDEX messages_by_thread ON messages (list, thread_id, thread_order);
        CREATE INDEX messages_by_author ON messages (author_id, date_utc);
        CREATE INDEX messages_by_author_node ON messages (author_node);
        CREATE INDEX messages_by_list_author ON messages (list, author_id);
        CREATE INDEX messages_by_from ON messages (from_address, raw_id);
        CREATE TABLE problems (
            raw_id INTEGER NOT NULL,
            code TEXT NOT NULL,
            offset INTEGER NOT NULL,
            message TEXT NOT NULL,
            PRIMARY KEY (raw_id, code, offset, message)
        ) WITHOUT ROWID;
        CREATE INDEX problems_by_code ON problems (code);
        CREATE TABLE links (
            raw_id INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            url TEXT NOT NULL,
            formats TEXT NOT NULL,
            opaque INTEGER NOT NULL,
            host_hint TEXT,
            start INTEGER NOT NULL,
            length INTEGER NOT NULL,
            PRIMARY KEY (raw_id, seq)
        ) WITHOUT ROWID;
        CREATE INDEX links_by_url ON links (url);
        CREATE TABLE trailers (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (kind, key)
        ) WITHOUT ROWID;
        CREATE TABLE attachments (
            raw_id INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            name TEXT,
            content_type TEXT,
            size INTEGER,
            url TEXT,
            PRIMARY KEY (raw_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE author_aliases (
            node TEXT NOT NULL,
            name_key TEXT NOT NULL,
            PRIMARY KEY (node, name_key)
        ) WITHOUT ROWID;
        CREATE TABLE author_nodes (
            node TEXT PRIMARY KEY,
            author_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            detail TEXT
        ) WITHOUT ROWID;
        CREATE INDEX author_nodes_by_author ON author_nodes (author_id);
        CREATE TABLE threads (
            list TEXT NOT NULL,
            thread_id TEXT NOT NULL,
            subject TEXT NOT NULL,
            root_message_id TEXT NOT NULL,
            starter_name TEXT,
            starter_address TEXT,
            starter_author_id TEXT,
            message_count INTEGER NOT NULL,
            participants INTEGER NOT NULL,
            first_date INTEGER,
            last_date INTEGER,
            PRIMARY KEY (list, thread_id)
        ) WITHOUT ROWID;
        CREATE INDEX threads_by_activity ON threads (list, last_date DESC, thread_id);
        -- The campaign queue. No OR IGNORE in the triggers: an outer UPSERT's conflict policy
        -- overrides a trigger's, and the index upserts messages.
        CREATE TABLE campaign_dirty (raw_id INTEGER PRIMARY KEY);
        CREATE TRIGGER campaign_dirty_insert AFTER INSERT ON messages BEGIN INSERT INTO campaign_dirty (raw_id) SELECT NEW.raw_id WHERE NOT EXISTS (SELECT 1 FROM campaign_dirty WHERE raw_id = NEW.raw_id); END;
        CREATE TRIGGER campaign_dirty_update AFTER UPDATE OF own_text ON messages BEGIN INSERT INTO campaign_dirty (raw_id) SELECT NEW.raw_id WHERE NOT EXISTS (SELECT 1 FROM campaign_dirty WHERE raw_id = NEW.raw_id); END;
        CREATE TRIGGER campaign_dirty_delete AFTER DELETE ON messages BEGIN INSERT INTO campaign_dirty (raw_id) SELECT OLD.raw_id WHERE NOT EXISTS (SELECT 1 FROM campaign_dirty WHERE raw_id = OLD.raw_id); END;
        CREATE TABLE campaign_sketches (
            raw_id INTEGER PRIMARY KEY,
            words INTEGER NOT NULL,
            bands BLOB NOT NULL
        );
        CREATE TABLE campaign_bands (
            band INTEGER NOT NULL,
            raw_id INTEGER NOT NULL,
            PRIMARY KEY (band, raw_id)
        ) WITHOUT ROWID;
        CREATE TABLE campaigns (
            id TEXT PRIMARY KEY,
            flagged INTEGER NOT NULL,
            copies INTEGER NOT NULL,
            senders INTEGER NOT NULL,
            lists INTEGER NOT NULL,
            first_date INTEGER,
            last_date INTEGER,
            flagged_at INTEGER,
            control TEXT,
            signals TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX campaigns_by_flag ON campaigns (flagged, last_date);
        CREATE TABLE campaign_members (
            raw_id INTEGER PRIMARY KEY,
            campaign_id TEXT NOT NULL
        );
        CREATE INDEX campaign_members_by_campaign ON campaign_members (campaign_id);
        CREATE TABLE fingerprints (
            hash INTEGER NOT NULL,
            source INTEGER NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (hash, source)
        ) WITHOUT ROWID;
        CREATE TABLE quote_fingerprints (
            hash INTEGER NOT NULL,
            raw_id INTEGER NOT NULL,
            PRIMARY KEY (hash, raw_id)
        ) WITHOUT ROWID;
        CREATE TABLE reuse_sources (
            source INTEGER PRIMARY KEY,
            own BLOB NOT NULL,
            quoted BLOB NOT NULL
        );
        CREATE TABLE attributions (
            target INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            start INTEGER NOT NULL,
            length INTEGER NOT NULL,
            source INTEGER NOT NULL,
            source_start INTEGER NOT NULL,
            source_end INTEGER NOT NULL,
            score REAL NOT NULL,
            words INTEGER NOT NULL,
            type TEXT NOT NULL,
            via TEXT NOT NULL,
            PRIMARY KEY (target, seq)
        ) WITHOUT ROWID;
        CREATE INDEX attributions_by_source ON attributions (source);
        CREATE TABLE quote_parents (
            raw_id INTEGER PRIMARY KEY,
            parent_message_id TEXT NOT NULL,
            score REAL NOT NULL
        );
        CREATE TABLE reuse_state (
            key TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE reuse_dirty (
            source INTEGER PRIMARY KEY
        );
        CREATE TABLE IF NOT EXISTS documents (
            doc_key INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            author TEXT,
            date TEXT,
            date_utc INTEGER,
            url TEXT,
            text TEXT NOT NULL
        );
        """;
}
