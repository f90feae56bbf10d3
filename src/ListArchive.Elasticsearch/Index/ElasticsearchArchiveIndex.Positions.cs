using ListArchive.Storage.Index;
using ListArchive.Storage.Search;

namespace ListArchive.Elasticsearch.Index;

public sealed partial class ElasticsearchArchiveIndex
{
    public AuthorPositions? GetAuthorPositions(string authorId, int maxMessages = 500) => throw new NotImplementedException();
}
