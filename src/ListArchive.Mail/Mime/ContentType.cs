namespace ListArchive.Mail.Mime;

/// <summary>
/// A parsed Content-Type (RFC 2045 §5.1). Media type and subtype are lower-case. An unreadable
/// value degrades to <c>application/octet-stream</c> (§5.2 says unrecognised types are treated as
/// such) with a diagnostic; a bare <c>text</c> becomes <c>text/plain</c>.
/// </summary>
public sealed class ContentType
{
    internal static readonly ContentType TextPlain = new("text", "plain", ParameterList.Empty);
    internal static readonly ContentType MessageRfc822 = new("message", "rfc822", ParameterList.Empty);

    public ContentType(string mediaType, string mediaSubtype, ParameterList? parameters = null)
    {
        MediaType = mediaType.ToLowerInvariant();
        MediaSubtype = mediaSubtype.ToLowerInvariant();
        Parameters = parameters ?? ParameterList.Empty;
    }

    public string MediaType { get; }

    public string MediaSubtype { get; }

    /// <summary><c>type/subtype</c>.</summary>
    public string MimeType => MediaType + "/" + MediaSubtype;

    public ParameterList Parameters { get; }

    public string? Charset => Parameters["charset"];

    public string? Boundary => Parameters["boundary"];

    /// <summary>The <c>name</c> parameter (the pre-RFC 2183 way to give a file name).</summary>
    public string? Name => Parameters["name"];

    public bool IsMultipart => MediaType == "multipart";

    public bool Is(string type, string subtype) => MediaType == type && MediaSubtype == subtype;

    public override string ToString() => MimeType;

    /// <summary>Parses a Content-Type value; never throws. <paramref name="problems"/> collects diagnostic codes.</summary>
    public static ContentType Parse(string value, List<string>? problems = null)
    {
        int i = ParameterList.SkipSpaceAndComments(value, 0);
        int typeStart = i;
        while (i < value.Length && IsTokenChar(value[i])) i++;
        string type = value[typeStart..i];
        i = ParameterList.SkipSpaceAndComments(value, i);
        string subtype = "";
        if (i < value.Length && value[i] == '/')
        {
            i = ParameterList.SkipSpaceAndComments(value, i + 1);
            int subStart = i;
            while (i < value.Length && IsTokenChar(value[i])) i++;
            subtype = value[subStart..i];
        }
        if (type.Length == 0)
        {
            problems?.Add("content-type-invalid");
            return new ContentType("application", "octet-stream", ParameterList.Parse(value, i, problems));
        }
        if (subtype.Length == 0)
        {
            problems?.Add("content-type-missing-subtype");
            // "text" alone (old mailers) means text/plain; anything else is unknown.
            if (string.Equals(type, "text", StringComparison.OrdinalIgnoreCase)) subtype = "plain";
            else if (string.Equals(type, "multipart", StringComparison.OrdinalIgnoreCase)) subtype = "mixed";
            else { type = "application"; subtype = "octet-stream"; }
        }
        return new ContentType(type, subtype, ParameterList.Parse(value, i, problems));
    }

    private static bool IsTokenChar(char c) =>
        c > ' ' && c < 127 && c is not ('(' or ')' or '<' or '>' or '@' or ',' or ';' or ':' or '\\' or '"' or '/' or '[' or ']' or '?' or '=');
}
