namespace ListArchive.Ingest;

/// <summary>A progress report: messages read so far, their bytes, and how far through the input files.</summary>
public readonly record struct ImportProgress(long Messages, long Bytes, long SourceBytesDone, long SourceBytesTotal);
