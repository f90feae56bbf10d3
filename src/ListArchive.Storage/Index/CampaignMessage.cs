namespace ListArchive.Storage.Index;

/// <summary>One message of a campaign page.</summary>
public sealed record CampaignMessage(long RawId, string List, string MessageId, string Subject, PersonRef From, DateTimeOffset? Date, string OwnText, bool FirstTimeSender);
