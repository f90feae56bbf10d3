namespace ListArchive.Elasticsearch.Configuration;

/// <summary>Where the archive index lives (<c>ListArchive:Index:Kind</c>).</summary>
public enum IndexBackend
{
    Sqlite,
    Elasticsearch,
}
