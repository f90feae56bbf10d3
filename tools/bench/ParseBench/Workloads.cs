using ListArchive.Mail;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;

namespace ListArchive.Tools.ParseBench;

/// <summary>
/// The measured work. Each returns a checksum built from what it decoded so nothing is dead code;
/// nothing here prints message content.
/// </summary>
internal static class Workloads
{
    /// <summary>(a) Decompress and split only: the readers' cost, messages not kept.</summary>
    public static long Read(string corpus, out long messages, out long bytes, Action<ReaderDiagnostic>? diagnostics = null)
    {
        long checksum = 0;
        messages = 0;
        bytes = 0;
        foreach (var message in MailSources.Open(corpus, diagnostics))
        {
            messages++;
            bytes += message.Bytes.Length;
            checksum += message.Bytes.Length > 0 ? message.Bytes[^1] : 0;
        }

        return checksum;
    }

    /// <summary>Loads every message into memory once so (b) and (c) exclude gzip and splitting.</summary>
    public static List<byte[]> Preload(string corpus)
    {
        var list = new List<byte[]>(70_000);
        foreach (var message in MailSources.Open(corpus))
        {
            list.Add(message.Bytes);
        }

        return list;
    }

    /// <summary>(b) Parse and touch the header fields the importer needs.</summary>
    public static long Parse(List<byte[]> messages)
    {
        long checksum = 0;
        foreach (var bytes in messages)
        {
            checksum += ParseOne(bytes, out _);
        }

        return checksum;
    }

    /// <summary>(c) As (b), plus full body extraction.</summary>
    public static long ParseWithBody(List<byte[]> messages)
    {
        long checksum = 0;
        foreach (var bytes in messages)
        {
            checksum += ParseOne(bytes, out var message);
            checksum += message.GetBody().Text.Length;
        }

        return checksum;
    }

    /// <summary>
    /// The per-field breakdown: <c>MimeMessage.Parse</c> alone, then parse plus one field, so the
    /// cost of each lazy field is the difference to the "structure" row.
    /// </summary>
    public static readonly (string Name, Func<MimeMessage, long> Touch)[] Fields =
    [
        ("structure", _ => 0),
        ("Subject", m => m.Subject?.Length ?? 0),
        ("From", m => m.From.Count),
        ("Date", m => m.Date?.Offset.Minutes ?? 0),
        ("MessageId", m => m.MessageId?.Length ?? 0),
        ("InReplyTo", m => m.InReplyTo.Count),
        ("References", m => m.References.Count),
        ("GetBody", m => m.GetBody().Text.Length),
    ];

    public static long ParseTouching(List<byte[]> messages, Func<MimeMessage, long> touch)
    {
        long checksum = 0;
        foreach (var bytes in messages)
        {
            checksum += touch(MimeMessage.Parse(bytes));
        }

        return checksum;
    }

    public static long ParseOne(byte[] bytes, out MimeMessage message)
    {
        message = MimeMessage.Parse(bytes);
        long sum = message.Subject?.Length ?? 0;
        sum += message.From.Count;
        sum += message.Date?.Offset.Minutes ?? 0;
        sum += message.MessageId?.Length ?? 0;
        sum += message.InReplyTo.Count;
        sum += message.References.Count;
        return sum;
    }
}
