namespace ListArchive.Storage.Index;

/// <summary>A message's author as shown: display name, canonical address, author id.</summary>
public sealed record PersonRef(string? Name, string? Address, string? AuthorId);
