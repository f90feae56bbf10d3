using ListArchive.Storage.Index;
using ListArchive.Storage.Search;

namespace ListArchive.Elasticsearch.Index;

public sealed partial class ElasticsearchArchiveIndex
{
    public IReadOnlyList<long> GetCampaignDirty(int limit) => throw new NotImplementedException();

    public IReadOnlyList<ListArchive.Analysis.Campaigns.CampaignMember> GetCampaignMembers(IReadOnlyCollection<long> rawIds) => throw new NotImplementedException();

    public IReadOnlyDictionary<long, (string Text, DateTimeOffset? Date)> GetCampaignTexts(IReadOnlyCollection<long> rawIds) => throw new NotImplementedException();

    public IReadOnlyList<(long Key, long RawId)> GetCampaignCandidates(IReadOnlyCollection<long> bandKeys) => throw new NotImplementedException();

    public IReadOnlyDictionary<long, string> GetCampaignOf(IReadOnlyCollection<long> rawIds) => throw new NotImplementedException();

    public IReadOnlyList<long> GetCampaignMemberIds(string campaignId) => throw new NotImplementedException();

    public IReadOnlyDictionary<string, double> GetListRates() => throw new NotImplementedException();

    public void ApplyCampaigns( IReadOnlyCollection<long> processed, IReadOnlyDictionary<long, ListArchive.Analysis.Campaigns.CampaignSketch?> sketches, IReadOnlyCollection<string> removed, IReadOnlyList<StoredCampaign> campaigns) => throw new NotImplementedException();

    public IReadOnlyList<string> GetListsOf(IReadOnlyCollection<long> rawIds) => throw new NotImplementedException();

    public IReadOnlyList<string> GetCampaignIdsOnLists(IReadOnlyCollection<string> lists) => throw new NotImplementedException();

    public IReadOnlyList<CampaignSummary> GetCampaigns(bool all, int offset, int limit) => throw new NotImplementedException();

    public CampaignView? GetCampaign(string id) => throw new NotImplementedException();
}
