namespace ListArchive.Storage.Index;

/// <summary>A person and how many messages link them to someone (replies to, replies from).</summary>
public sealed record PersonCount(PersonRef Person, long Messages);
