namespace ListArchive.Elasticsearch.Transport;

public enum BulkAction
{
    Index,
    Create,
    Update,
    Delete,
}
