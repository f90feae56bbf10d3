namespace ListArchive.Mail.Readers;

/// <summary>What <see cref="MailSources.Detect"/> found a path to be.</summary>
public enum MailSourceFormat
{
    /// <summary>Not recognised as mail (skipped by <see cref="MailSources.Open"/>).</summary>
    Unknown,

    /// <summary>Classic mbox (see <see cref="MboxVariant.Mboxo"/>).</summary>
    Mboxo,

    /// <summary>mboxrd (see <see cref="MboxVariant.Mboxrd"/>).</summary>
    Mboxrd,

    /// <summary>Mailman 2 pipermail month (see <see cref="MboxVariant.Pipermail"/>).</summary>
    Pipermail,

    /// <summary>One RFC 5322 message (an <c>.eml</c> file, a Maildir file).</summary>
    Message,

    /// <summary>A tar archive (optionally gzip-compressed) whose members are message files.</summary>
    Tar,

    /// <summary>A folder (Maildir, or any folder of mail files), read recursively.</summary>
    Folder,
}
