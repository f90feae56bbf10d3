namespace ListArchive.Web.Tests.Elasticsearch;

/// <summary>Every test of <see cref="CampaignPageTests"/> once more, the archive on the in-memory cluster (issue 10: the web works unchanged on either backend).</summary>
public sealed class EmulatedCampaignPageTests(EmulatedArchiveSite site) : CampaignPageTests(site), IClassFixture<EmulatedArchiveSite>;
