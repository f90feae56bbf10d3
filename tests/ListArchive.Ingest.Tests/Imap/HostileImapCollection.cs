namespace ListArchive.Ingest.Tests.Imap;

/// <summary>Hostile-server tests measure allocations: nothing else runs beside them.</summary>
[CollectionDefinition(nameof(HostileImapCollection), DisableParallelization = true)]
public sealed class HostileImapCollection;
