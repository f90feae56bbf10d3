namespace ListArchive.Ingest.Live;

/// <summary>One followed folder's progress.</summary>
public sealed record SourceFolderSnapshot(string Folder, uint UidValidity, uint LastUid);
