using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Index;

/// <summary>
/// The core indices (messages, threads, authors, trailers). Strict mappings: a field the backend
/// does not know is an error, not a silently added mapping. Every keyword that holds text taken from
/// a message has <c>ignore_above: 8191</c>: 8191 UTF-16 units are at most 32,764 UTF-8 bytes, under
/// Lucene's 32,766-byte term limit, so an absurd header cannot make a document fail.
/// <para>
/// Message documents (id: the raw id in decimal) — one per message, thread fields copied onto it:
/// <c>raw_id, list, message_id, subject, norm_subject, from_name, from_address, from_text,
/// author_node, author_id, author_evidence, date</c> (ISO-8601 UTC) <c>+ date_offset</c> (minutes),
/// <c>in_reply_to[], references[], thread_id, parent_id, depth, thread_order, link_reason,
/// body</c> (stored only) <c>, own_text, quoted_text</c> (searched), <c>html_quotes</c> (HtmlQuoteCodec string, stored),
/// <c>trailer_key, segments</c> (stored only: <c>[{kind, start, length, depth, author_name,
/// author_address, date, date_offset, cite_message_id}]</c>, see <see cref="EsSegments"/>),
/// <c>problems[{code, offset, message}], problem_keys[]</c> (<c>code#n</c>, for counts) <c>, links[{url, formats[], opaque, host_hint, start, length}],
/// attachments[{name, content_type, size, url}]</c>. The campaign and text-reuse queues and the
/// quoted-text parents are es-reuse's indices (EsIndices.Reuse.cs), filled through its hooks.
/// </para>
/// </summary>
internal static partial class EsIndices
{
    public const string Messages = "messages";
    public const string Threads = "threads";
    public const string Authors = "authors";
    public const string Trailers = "trailers";

    /// <summary>Messages, threads, authors, trailers and state (the archive and reading part).</summary>
    public static readonly EsIndexDefinition[] Core =
    [
        new(Messages, 1, MessagesMapping(), TextSettings()),
        new(Threads, 1, ThreadsMapping(), new JsonObject { ["number_of_shards"] = 1 }),
        new(Authors, 1, AuthorsMapping(), new JsonObject { ["number_of_shards"] = 1 }),
        new(Trailers, 1, TrailersMapping(), new JsonObject { ["number_of_shards"] = 1 }),
    ];

    /// <summary>The analyser of searched text, as close to the SQLite index's FTS5 tokenizer as Elasticsearch allows.</summary>
    public const string TextAnalyzer = "la_text";

    // FTS5 "porter unicode61 remove_diacritics 2" (FullTextIndex): tokens are runs of Unicode letters,
    // digits and private-use characters (unicode61's default categories L*, N*, Co), lower-cased,
    // diacritics folded, then Porter-stemmed. The standard tokenizer would keep "a.b" and "foo_bar" as
    // one token where FTS5 splits them, so a pattern tokenizer splits on everything else instead.
    // One shard: terms aggregations and counts are exact, as the SQLite queries they replace.
    private static JsonObject TextSettings() => new()
    {
        ["number_of_shards"] = 1,
        ["analysis"] = new JsonObject
        {
            ["tokenizer"] = new JsonObject
            {
                ["la_words"] = new JsonObject { ["type"] = "pattern", ["pattern"] = "[^\\p{L}\\p{N}\\p{Co}]+" },
            },
            ["analyzer"] = new JsonObject
            {
                [TextAnalyzer] = new JsonObject
                {
                    ["type"] = "custom",
                    ["tokenizer"] = "la_words",
                    ["filter"] = new JsonArray("lowercase", "asciifolding", "porter_stem"),
                },
            },
        },
    };

    private static JsonObject MessagesMapping() => Mapping(Messages, new JsonObject
    {
        ["raw_id"] = Type("long"),
        ["list"] = Keyword(),
        ["message_id"] = Keyword(),
        ["subject"] = Text(),
        ["norm_subject"] = Keyword(),
        ["from_name"] = Keyword(),
        ["from_address"] = Keyword(),
        ["from_text"] = Text(),
        ["author_node"] = Keyword(),
        ["author_id"] = Keyword(),
        ["author_evidence"] = Stored("keyword"),
        ["date"] = Date(),
        ["date_offset"] = Type("integer"),
        ["in_reply_to"] = Keyword(),
        ["references"] = Keyword(),
        ["thread_id"] = Keyword(),
        ["parent_id"] = Keyword(),
        ["depth"] = Type("integer"),
        ["thread_order"] = Type("integer"),
        ["link_reason"] = Keyword(),
        ["body"] = Stored("text"),
        ["own_text"] = Text(),
        ["quoted_text"] = Text(),
        ["html_quotes"] = Stored("keyword"),
        ["trailer_key"] = Keyword(),
        ["segments"] = Disabled(),
        ["problems"] = Object(new JsonObject
        {
            ["code"] = Keyword(),
            ["offset"] = Type("long"),
            ["message"] = Stored("text"),
        }),
        // "code#n" for the n-th problem of a code in the message: exact problem counts by aggregation.
        ["problem_keys"] = Keyword(),
        ["links"] = Object(new JsonObject
        {
            ["url"] = Keyword(),
            ["formats"] = Keyword(),
            ["opaque"] = Type("boolean"),
            ["host_hint"] = Keyword(),
            ["start"] = Type("integer"),
            ["length"] = Type("integer"),
        }),
        ["attachments"] = Object(new JsonObject
        {
            ["name"] = Keyword(),
            ["content_type"] = Keyword(),
            ["size"] = Type("long"),
            ["url"] = Keyword(),
        }),
    });

    private static JsonObject ThreadsMapping() => Mapping(Threads, new JsonObject
    {
        ["list"] = Keyword(),
        ["thread_id"] = Keyword(),
        ["subject"] = Stored("text"),
        ["root_message_id"] = Keyword(),
        ["starter_name"] = Keyword(),
        ["starter_address"] = Keyword(),
        ["starter_author_id"] = Keyword(),
        ["message_count"] = Type("integer"),
        ["participants"] = Type("integer"),
        ["first_date"] = Date(),
        ["last_date"] = Date(),
        // Every author id of the thread's messages: an author's threads are one query.
        ["author_ids"] = Keyword(),
    });

    // One document per identity node (an address, or "name:<key>" for a sender without one), with the
    // display-name keys seen with it: the author graph is rebuilt from these when the index is opened.
    private static JsonObject AuthorsMapping() => Mapping(Authors, new JsonObject
    {
        ["node"] = Keyword(),
        ["author_id"] = Keyword(),
        ["reason"] = Keyword(),
        ["detail"] = Stored("text"),
        ["name_keys"] = Keyword(),
    });

    // Learned trailers by (kind, key), and the "learned-up-to" mark (SqliteArchiveIndex.Trailers).
    private static JsonObject TrailersMapping() => Mapping(Trailers, new JsonObject
    {
        ["kind"] = Keyword(),
        ["key"] = Keyword(),
        ["text"] = Stored("text"),
    });

    private static JsonObject Mapping(string kind, JsonObject properties) => new()
    {
        ["dynamic"] = "strict",
        ["_meta"] = new JsonObject { ["listarchive"] = new JsonObject { ["kind"] = kind, ["version"] = 1 } },
        ["properties"] = properties,
    };

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject Keyword() => new() { ["type"] = "keyword", ["ignore_above"] = 8191 };

    private static JsonObject Text() => new() { ["type"] = "text", ["analyzer"] = TextAnalyzer, ["index_options"] = "offsets" };

    private static JsonObject Date() => new() { ["type"] = "date", ["format"] = "strict_date_optional_time||epoch_millis" };

    /// <summary>Kept in the source for reading, not searchable.</summary>
    private static JsonObject Stored(string type) => type == "keyword"
        ? new JsonObject { ["type"] = "keyword", ["index"] = false, ["doc_values"] = false }
        : new JsonObject { ["type"] = type, ["index"] = false };

    private static JsonObject Disabled() => new() { ["type"] = "object", ["enabled"] = false };

    private static JsonObject Object(JsonObject properties) => new() { ["type"] = "object", ["properties"] = properties };
}
