namespace ListArchive.Storage.Index;

/// <summary>A value (display-name spelling, list name) and how many messages used it.</summary>
public sealed record NameUse(string Value, long Messages);
