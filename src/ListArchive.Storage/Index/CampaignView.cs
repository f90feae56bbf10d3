namespace ListArchive.Storage.Index;

/// <summary>A campaign with its messages, oldest first.</summary>
public sealed record CampaignView(CampaignSummary Summary, IReadOnlyList<CampaignMessage> Messages);
