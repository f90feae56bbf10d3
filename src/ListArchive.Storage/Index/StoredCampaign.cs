using ListArchive.Analysis.Campaigns;

namespace ListArchive.Storage.Index;

/// <summary>A campaign as the campaign pass writes it: id, member raw ids, signals.</summary>
public sealed record StoredCampaign(string Id, IReadOnlyList<long> Members, CampaignSignals Signals);
