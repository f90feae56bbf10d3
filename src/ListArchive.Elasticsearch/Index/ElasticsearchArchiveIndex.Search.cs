using ListArchive.Storage.Index;
using ListArchive.Storage.Search;

namespace ListArchive.Elasticsearch.Index;

public sealed partial class ElasticsearchArchiveIndex
{
    public SearchResults Search(SearchQuery query, int offset, int limit) => throw new NotImplementedException();
}
