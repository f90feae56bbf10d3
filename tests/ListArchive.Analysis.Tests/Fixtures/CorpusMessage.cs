using ListArchive.Analysis.Threading;

namespace ListArchive.Analysis.Tests.Fixtures;

/// <summary>One corpus file and the threading headers read from it.</summary>
public sealed record CorpusMessage(string RelativePath, ThreadInput Input);
