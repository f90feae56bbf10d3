using ListArchive.Mail.Mime;

namespace ListArchive.Tools.MailDiff;

/// <summary>One side's normalised values, indexed by <see cref="Field"/>.</summary>
internal sealed class FieldValues
{
    private readonly string[] values = new string[Enum.GetValues<Field>().Length];

    public string this[Field f]
    {
        get => values[(int)f];
        private set => values[(int)f] = value;
    }

    public static FieldValues FromOurs(MimeMessage m)
    {
        var from = m.From.FirstOrDefault();
        return new FieldValues
        {
            [Field.Subject] = Normalise.Text(m.Subject),
            [Field.FromAddress] = Normalise.Address(from?.Address),
            [Field.FromName] = Normalise.Text(from?.Name),
            [Field.Date] = Normalise.Date(m.Date),
            [Field.MessageId] = Normalise.Id(m.MessageId),
            [Field.InReplyTo] = Normalise.Ids(m.InReplyTo),
            [Field.References] = Normalise.Ids(m.References),
            [Field.Text] = Normalise.Text(m.GetBody().Text),
        };
    }

    public static FieldValues FromReference(ReferenceRecord r, DateTimeOffset runStart) => new()
    {
        [Field.Subject] = Normalise.Text(r.Subject),
        [Field.FromAddress] = Normalise.Address(r.FromAddress),
        [Field.FromName] = Normalise.Text(r.FromName),
        [Field.Date] = Normalise.ReferenceDate(r.Date, runStart),
        [Field.MessageId] = Normalise.Id(r.MessageId),
        // dump.mjs gives the ids as an array; mailparser's own value is the whole field (only < and >
        // added at its ends), compared space-separated so that "<a> <b>" and our ["a", "b"] agree.
        [Field.InReplyTo] = r.InReplyTo is null
            ? Normalise.Ids(r.InReplyToIds)
            : Normalise.Id(Normalise.Text(r.InReplyTo)).Replace("> <", " ", StringComparison.Ordinal),
        [Field.References] = Normalise.Ids(r.References),
        [Field.Text] = Normalise.Text(r.Text),
    };
}
