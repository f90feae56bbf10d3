namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>A strict message index like the backend's (text with a .kw sub-field, keyword, dates, an object, stored-only fields) and a few messages written by us.</summary>
internal static class MessageFixture
{
    public const string Mapping = """
    {
      "settings": { "index": { "number_of_shards": 1, "number_of_replicas": 0,
        "analysis": { "analyzer": { "mail_folded": { "type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"] } },
                      "normalizer": { "lc": { "type": "custom", "filter": ["lowercase"] } } } } },
      "mappings": {
        "dynamic": "strict",
        "properties": {
          "subject": { "type": "text", "fields": { "kw": { "type": "keyword" } } },
          "body": { "type": "text" },
          "folded": { "type": "text", "analyzer": "mail_folded" },
          "list": { "type": "keyword" },
          "author": { "type": "keyword", "normalizer": "lc" },
          "tags": { "type": "keyword" },
          "date": { "type": "date" },
          "size": { "type": "long" },
          "flag": { "type": "boolean" },
          "thread": { "type": "object", "properties": { "id": { "type": "keyword" }, "depth": { "type": "integer" } } },
          "raw": { "type": "object", "enabled": false },
          "note": { "type": "text", "index": false },
          "secret": { "type": "keyword", "index": false, "doc_values": false },
          "dv_only": { "type": "keyword", "index": false }
        }
      },
      "aliases": { "msgs": {}, "msgs-write": { "is_write_index": true } }
    }
    """;

    public const string Docs = """
    {"index":{"_index":"msgs-write","_id":"1"}}
    {"subject":"Governance meeting agenda","body":"The board meets on Tuesday to discuss the budget. Please send agenda items.","folded":"Café crème","list":"gov","author":"Alice@Example.org","tags":["board","budget"],"date":"2021-01-05T10:00:00Z","size":120,"flag":true,"thread":{"id":"t1","depth":0},"raw":{"anything":[1,2]},"note":"stored only","secret":"s1","dv_only":"a"}
    {"index":{"_index":"msgs-write","_id":"2"}}
    {"subject":"Re: Governance meeting agenda","body":"I would like to add the budget review. The budget is late.","list":"gov","author":"bob@example.org","tags":["budget"],"date":"2021-01-06T09:30:00+01:00","size":80,"flag":false,"thread":{"id":"t1","depth":1}}
    {"index":{"_index":"msgs-write","_id":"3"}}
    {"subject":"Release 2.0 announcement","body":"Version two is out. Release notes are on the site.","list":"dev","author":"carol@example.org","tags":["release"],"date":"2021-02-10T12:00:00Z","size":300,"thread":{"id":"t2","depth":0}}
    {"index":{"_index":"msgs-write","_id":"4"}}
    {"subject":"Re: Release 2.0 announcement","body":"Great news about the release, thanks to the board.","list":"dev","author":"alice@example.org","date":1615377600000,"size":50,"thread":{"id":"t2","depth":1}}
    {"index":{"_index":"msgs-write","_id":"5"}}
    {"subject":"Budget draft","body":"Draft budget attached; the board meeting is next week.","list":"gov","author":"dave@example.org","tags":["budget","draft"],"date":"2021-03-20T08:00:00Z","size":200,"thread":{"id":"t3","depth":0}}

    """;

    public static EmulatorHttp Create(FakeElasticsearch? cluster = null)
    {
        var http = new EmulatorHttp(cluster);
        http.Ok("PUT", "/msgs-v1", Mapping);
        http.Bulk(Docs.Replace("\r\n", "\n", StringComparison.Ordinal));
        return http;
    }
}
