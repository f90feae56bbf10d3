using System.Text;

namespace ListArchive.Ingest.Imap;

/// <summary>
/// One token of a response: an atom (numbers and <c>BODY[]</c> included), a quoted string, a
/// literal (its bytes, or null when it was too large and was discarded), NIL, or a list.
/// </summary>
internal sealed class ImapToken
{
    private static readonly IReadOnlyList<ImapToken> NoItems = [];

    private ImapToken(ImapTokenKind kind, string? text, byte[]? bytes, IReadOnlyList<ImapToken>? items, long literalSize = 0)
    {
        Kind = kind;
        Text = text;
        Bytes = bytes;
        Items = items ?? NoItems;
        LiteralSize = literalSize;
    }

    public ImapTokenKind Kind { get; }

    /// <summary>Atom or quoted text; for a literal, its bytes as UTF-8 text.</summary>
    public string? Text { get; }

    /// <summary>Literal bytes; null for a discarded literal.</summary>
    public byte[]? Bytes { get; }

    /// <summary>The size the server announced for a literal.</summary>
    public long LiteralSize { get; }

    public IReadOnlyList<ImapToken> Items { get; }

    public static ImapToken Atom(string text) => new(ImapTokenKind.Atom, text, null, null);

    public static ImapToken Quoted(string text) => new(ImapTokenKind.Quoted, text, null, null);

    public static ImapToken Literal(byte[]? bytes, long size) =>
        new(ImapTokenKind.Literal, bytes is null ? null : Encoding.UTF8.GetString(bytes), bytes, null, size);

    public static ImapToken Nil { get; } = new(ImapTokenKind.Nil, null, null, null);

    public static ImapToken List(IReadOnlyList<ImapToken> items) => new(ImapTokenKind.List, null, null, items);

    public bool IsAtom(string text) => Kind == ImapTokenKind.Atom && string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);

    public bool TryNumber(out uint value)
    {
        value = 0;
        return Kind == ImapTokenKind.Atom && uint.TryParse(Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The string value of an atom, quoted string or literal; null for NIL and lists.</summary>
    public string? StringValue => Kind is ImapTokenKind.Atom or ImapTokenKind.Quoted or ImapTokenKind.Literal ? Text : null;

    public override string ToString() => Kind switch
    {
        ImapTokenKind.List => "(" + string.Join(' ', Items) + ")",
        ImapTokenKind.Literal => $"{{{LiteralSize}}}",
        ImapTokenKind.Nil => "NIL",
        ImapTokenKind.Quoted => "\"" + Text + "\"",
        _ => Text ?? "",
    };
}
