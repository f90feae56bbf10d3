namespace ListArchive.Mail.Mime;

/// <summary>A parsed Content-Disposition (RFC 2183): <c>inline</c> / <c>attachment</c> plus parameters.</summary>
public sealed class ContentDisposition
{
    public ContentDisposition(string disposition, ParameterList? parameters = null)
    {
        Disposition = disposition.ToLowerInvariant();
        Parameters = parameters ?? ParameterList.Empty;
    }

    /// <summary>Lower-case disposition type; empty when the value started with parameters.</summary>
    public string Disposition { get; }

    public ParameterList Parameters { get; }

    public bool IsAttachment => Disposition == "attachment";

    public string? FileName => Parameters["filename"];

    public override string ToString() => Disposition;

    public static ContentDisposition Parse(string value, List<string>? problems = null)
    {
        int i = ParameterList.SkipSpaceAndComments(value, 0);
        int start = i;
        while (i < value.Length && value[i] is not (';' or ' ' or '\t' or '=')) i++;
        if (i < value.Length && value[i] == '=')
        {
            // "filename=x" with no disposition type.
            problems?.Add("content-disposition-missing-type");
            return new ContentDisposition("", ParameterList.Parse(value, start, problems));
        }
        return new ContentDisposition(value[start..i], ParameterList.Parse(value, i, problems));
    }
}
