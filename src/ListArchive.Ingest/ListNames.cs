using ListArchive.Mail.Mime;

namespace ListArchive.Ingest;

/// <summary>
/// Which list a message belongs to: <c>--list</c>, else the message's List-Id (RFC 2919) or
/// List-Post (RFC 2369), else the name of the folder it was read from.
/// </summary>
internal static class ListNames
{
    public static string Resolve(string? explicitList, MimeMessage? message, string path)
    {
        if (!string.IsNullOrWhiteSpace(explicitList))
        {
            return Clean(explicitList);
        }

        return FromHeaders(message) ?? FromPath(path);
    }

    /// <summary>
    /// RFC 2919 §3: <c>List-Id: Governance list &lt;governance.lists.igcaucus.org&gt;</c> — the list
    /// name is the first label of the id. RFC 2369 §3.4: <c>List-Post: &lt;mailto:governance@…&gt;</c>.
    /// </summary>
    internal static string? FromHeaders(MimeMessage? message)
    {
        if (message is null)
        {
            return null;
        }

        var listId = message.ListId;
        if (!string.IsNullOrWhiteSpace(listId))
        {
            var lt = listId.LastIndexOf('<');
            var id = lt >= 0 ? listId[(lt + 1)..].TrimEnd('>', ' ') : listId.Trim();
            var dot = id.IndexOf('.');
            var name = dot > 0 ? id[..dot] : id;
            if (name.Length > 0)
            {
                return Clean(name);
            }
        }

        var post = PostingAddress(message);
        var at = post?.IndexOf('@') ?? -1;
        if (at > 0)
        {
            return Clean(post![..at]);
        }

        return null;
    }

    /// <summary>The list's posting address from RFC 2369 List-Post (<c>&lt;mailto:governance@…&gt;</c>), lower-cased.</summary>
    internal static string? PostingAddress(MimeMessage message)
    {
        var post = message.ListPost;
        var start = post?.IndexOf("mailto:", StringComparison.OrdinalIgnoreCase) ?? -1;
        if (start < 0)
        {
            return null;
        }

        var rest = post![(start + 7)..];
        var end = rest.IndexOfAny(['>', '?', ' ', ',']);
        var address = (end >= 0 ? rest[..end] : rest).Trim().ToLowerInvariant();
        return address.Length == 0 ? null : address;
    }

    /// <summary>A folder is named after its list; a file's list is its folder's name.</summary>
    internal static string FromPath(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        var folder = Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
        var name = Path.GetFileName(folder);
        return Clean(string.IsNullOrEmpty(name) ? "default" : name);
    }

    /// <summary>List names appear in URLs: lower-case, and only letters, digits, '-', '_' and '.'.</summary>
    internal static string Clean(string name)
    {
        var chars = name.Trim().ToLowerInvariant()
            .Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')
            .ToArray();
        var cleaned = new string(chars).Trim('-', '.');
        return cleaned.Length == 0 ? "default" : cleaned;
    }
}
