namespace ListArchive.Tools.MailDiff;

/// <summary>The fields compared with mailparser, in report order.</summary>
internal enum Field
{
    Subject,
    FromAddress,
    FromName,
    Date,
    MessageId,
    InReplyTo,
    References,
    Text,
}
