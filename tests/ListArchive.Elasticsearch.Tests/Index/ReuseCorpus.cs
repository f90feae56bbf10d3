using ListArchive.Analysis.Identity;
using ListArchive.Analysis.Links;
using ListArchive.Analysis.Segments;
using ListArchive.Analysis.Subjects;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;
using ListArchive.Storage.Index;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// Real messages for the text-reuse differential tests: an archive file parsed with the Mail library and
/// mapped as the import maps them (src/ListArchive.Ingest/MessageMapper.cs, internal to Ingest: links
/// unwrapped, segments, own and quoted text), without learned trailers — both indexes get the same input.
/// </summary>
internal static class ReuseCorpus
{
    public static List<IndexedMessage> Load(string path, string list, long firstRawId, int max)
    {
        var messages = new List<IndexedMessage>();
        var rawId = firstRawId;
        foreach (var raw in MailSources.Open(path))
        {
            if (messages.Count >= max)
            {
                break;
            }

            if (MimeMessage.TryParse(raw.Bytes, out var message))
            {
                messages.Add(CoreCorpus.Map(rawId++, list, message));
            }
        }

        return messages;
    }
}
