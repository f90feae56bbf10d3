using ListArchive.Analysis.Campaigns;

namespace ListArchive.Storage.Index;

/// <summary>A stored campaign: its signals, the subject of its first copy, its members' Message-IDs (oldest first) and lists.</summary>
public sealed record CampaignSummary(string Id, CampaignSignals Signals, string Subject, IReadOnlyList<string> MessageIds, IReadOnlyList<string> ListNames);
