namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>One analysed word: its term, position, and character span in the value it came from.</summary>
internal readonly record struct Token(string Term, int Position, int Start, int End, int ValueIndex);
