using ListArchive.Analysis.Campaigns;

namespace ListArchive.Storage.Index;

/// <summary>A stored campaign: its signals and its members' Message-IDs (oldest first) and lists.</summary>
public sealed record CampaignSummary(string Id, CampaignSignals Signals, IReadOnlyList<string> MessageIds, IReadOnlyList<string> ListNames);
