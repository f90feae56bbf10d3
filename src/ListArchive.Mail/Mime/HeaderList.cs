using System.Collections;
using System.Text;

namespace ListArchive.Mail.Mime;

/// <summary>
/// The header fields of a message or entity, in order, over the original buffer. Lookup is
/// case-insensitive (RFC 5322 §1.2.2; 3GPP/LISTSERV exports write names in lower case) and
/// allocation-free; <see cref="Header"/> objects are made on demand.
/// </summary>
public sealed class HeaderList : IReadOnlyList<Header>
{
    internal readonly record struct Field(int Offset, int NameLength, int ValueStart, int ValueEnd);

    private readonly byte[] buffer;
    private readonly List<Field> fields;
    private Header?[]? materialised;

    internal HeaderList(byte[] buffer, List<Field> fields)
    {
        this.buffer = buffer;
        this.fields = fields;
    }

    internal static HeaderList Empty { get; } = new([], []);

    /// <summary>
    /// Charset for raw 8-bit header bytes that are not UTF-8: the entity's declared body charset, as mail
    /// clients guess (perceval-testdata mbox_unknown_encoding.mbox has a raw GB2312 display name).
    /// </summary>
    internal System.Text.Encoding? EightBitFallback { get; set; }

    public int Count => fields.Count;

    public Header this[int index]
    {
        get
        {
            materialised ??= new Header?[fields.Count];
            return materialised[index] ??= Create(fields[index]);
        }
    }

    /// <summary>The unfolded value of the first field with that name, or null.</summary>
    public string? this[string name] => IndexOf(name) is int i and >= 0 ? this[i].Value : null;

    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Index of the first field with that name, or -1.</summary>
    public int IndexOf(string name, int startIndex = 0)
    {
        for (int i = startIndex; i < fields.Count; i++)
            if (NameEquals(fields[i], name)) return i;
        return -1;
    }

    public Header? GetFirst(string name) => IndexOf(name) is int i and >= 0 ? this[i] : null;

    public IEnumerable<Header> GetAll(string name)
    {
        for (int i = IndexOf(name); i >= 0; i = IndexOf(name, i + 1))
            yield return this[i];
    }

    /// <summary>The unfolded values of every field with that name, in order.</summary>
    public IReadOnlyList<string> GetValues(string name) => GetAll(name).Select(h => h.Value).ToList();

    /// <summary>The raw value bytes of the first field with that name (empty when absent).</summary>
    public ReadOnlySpan<byte> GetRawValue(string name) =>
        IndexOf(name) is int i and >= 0 ? RawSpan(fields[i]) : [];

    internal ReadOnlySpan<byte> RawSpan(int index) => RawSpan(fields[index]);

    internal int FieldOffset(int index) => fields[index].Offset;

    private ReadOnlySpan<byte> RawSpan(Field f) => buffer.AsSpan(f.ValueStart, f.ValueEnd - f.ValueStart);

    private bool NameEquals(Field f, string name) =>
        f.NameLength == name.Length && Ascii.EqualsIgnoreCase(buffer.AsSpan(f.Offset, f.NameLength), name);

    private Header Create(Field f) =>
        new(Encoding.Latin1.GetString(buffer, f.Offset, f.NameLength), buffer.AsMemory(f.ValueStart, f.ValueEnd - f.ValueStart), f.Offset, EightBitFallback);

    public IEnumerator<Header> GetEnumerator()
    {
        for (int i = 0; i < fields.Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
