using System.Text.Json;

namespace ListArchive.Tools.MailDiff;

/// <summary>
/// What mailparser (npm) made of one message: one JSON line of <c>tools/mailparser-diff/dump.mjs</c>
/// (<c>id</c>, <c>subject</c>, <c>fromAddress</c>, <c>fromName</c>, <c>date</c>, <c>messageId</c>,
/// <c>inReplyTo</c> and <c>references</c> as id arrays, <c>text</c>, or <c>error</c>; see its README).
/// Also read: mailparser's own shapes (<c>from</c> as an address object, <c>inReplyTo</c> as the raw
/// string, <c>references</c> as a string), so a plainer dump script works too.
/// </summary>
internal sealed record ReferenceRecord(
    string File,
    string? Subject,
    string? FromAddress,
    string? FromName,
    string? Date,
    string? MessageId,
    string? InReplyTo,
    IReadOnlyList<string> InReplyToIds,
    IReadOnlyList<string> References,
    string? Text,
    string? Error)
{
    public static ReferenceRecord Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        string file = Str(root, "file") ?? Str(root, "name") ?? Str(root, "id") ?? "";
        var (address, name) = root.TryGetProperty("fromAddress", out _) || root.TryGetProperty("fromName", out _)
            ? (Str(root, "fromAddress"), Str(root, "fromName"))
            : FirstMailbox(root);
        return new ReferenceRecord(
            Path.GetFileName(file),
            Str(root, "subject"),
            address,
            name,
            Str(root, "date"),
            Str(root, "messageId"),
            Str(root, "inReplyTo"),
            root.TryGetProperty("inReplyTo", out var irt) && irt.ValueKind == JsonValueKind.Array ? Strings(root, "inReplyTo") : [],
            Strings(root, "references"),
            Str(root, "text"),
            Str(root, "error"));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> Strings(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return [];
        return v.ValueKind switch
        {
            JsonValueKind.String => [v.GetString()!],
            JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList(),
            _ => [],
        };
    }

    /// <summary>The first mailbox of From; inside a group (RFC 5322 §3.4) the group's first member.</summary>
    private static (string? Address, string? Name) FirstMailbox(JsonElement root)
    {
        if (!root.TryGetProperty("from", out var from)) return (null, null);
        if (from.ValueKind == JsonValueKind.Object && from.TryGetProperty("value", out var value)) from = value;
        if (from.ValueKind != JsonValueKind.Array) return (null, null);
        foreach (var m in from.EnumerateArray())
        {
            if (m.ValueKind != JsonValueKind.Object) continue;
            if (m.TryGetProperty("group", out var g) && g.ValueKind == JsonValueKind.Array)
            {
                foreach (var member in g.EnumerateArray())
                    if (member.ValueKind == JsonValueKind.Object) return (Str(member, "address"), Str(member, "name"));
                continue;
            }
            return (Str(m, "address"), Str(m, "name"));
        }
        return (null, null);
    }
}
