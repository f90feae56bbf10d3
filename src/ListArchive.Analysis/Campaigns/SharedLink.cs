namespace ListArchive.Analysis.Campaigns;

/// <summary>A canonical link and how many distinct senders of a cluster shared it.</summary>
public sealed record SharedLink(string Url, int Senders);
