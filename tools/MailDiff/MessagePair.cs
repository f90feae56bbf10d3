using ListArchive.Mail;
using ListArchive.Mail.Mime;

namespace ListArchive.Tools.MailDiff;

/// <summary>One message as both parsers saw it.</summary>
internal sealed record MessagePair(RawMessage Raw, MimeMessage Message, FieldValues Ours, ReferenceRecord Record, FieldValues Theirs);
