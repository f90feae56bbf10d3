namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// One message of a cluster as the signals need it. <see cref="Sender"/> is the resolved author id
/// when known, else the From address: several addresses of one person count once.
/// <see cref="FirstTimeSender"/>: this is the sender's first message on its list.
/// </summary>
public sealed record CampaignMember(
    long RawId,
    string MessageId,
    string List,
    string Sender,
    string? SenderName,
    string? SenderAddress,
    DateTimeOffset? Date,
    string Subject,
    string OwnText,
    IReadOnlyList<string> Links,
    bool FirstTimeSender);
