using System.Text;

namespace ListArchive.Ingest.Imap;

/// <summary>
/// One server response, parsed leniently: whatever does not fit the grammar becomes atoms and
/// a diagnostic, never an exception (RFC 3501 §7 lists the responses; §9 the grammar).
/// </summary>
internal sealed class ImapResponse
{
    private static readonly HashSet<string> Statuses = new(StringComparer.OrdinalIgnoreCase) { "OK", "NO", "BAD", "PREAUTH", "BYE" };

    private ImapResponse(ImapResponseKind kind, string tag, IReadOnlyList<ImapToken> tokens, string? status, string? code, string text)
    {
        Kind = kind;
        Tag = tag;
        Tokens = tokens;
        Status = status;
        Code = code;
        Text = text;
    }

    public ImapResponseKind Kind { get; }

    /// <summary>The command tag, <c>*</c> or <c>+</c>.</summary>
    public string Tag { get; }

    /// <summary>Tokens after the tag (for <c>* 5 FETCH (…)</c>: <c>5</c>, <c>FETCH</c>, the list).</summary>
    public IReadOnlyList<ImapToken> Tokens { get; }

    /// <summary>OK, NO, BAD, PREAUTH or BYE (upper case) for status responses; null for data.</summary>
    public string? Status { get; }

    /// <summary>The response code between brackets (RFC 3501 §7.1), e.g. <c>UIDVALIDITY 3857529045</c>.</summary>
    public string? Code { get; }

    /// <summary>Human-readable text of a status response, or of a continuation request.</summary>
    public string Text { get; }

    public bool IsOk => Status == "OK";

    /// <summary>The code's name (<c>UIDVALIDITY</c>) and argument (<c>3857529045</c>).</summary>
    public (string Name, string Argument) CodeParts
    {
        get
        {
            if (Code is null)
            {
                return ("", "");
            }

            var space = Code.IndexOf(' ');
            return space < 0 ? (Code.ToUpperInvariant(), "") : (Code[..space].ToUpperInvariant(), Code[(space + 1)..]);
        }
    }

    /// <summary>For <c>* 5 EXISTS</c>: (5, "EXISTS"); otherwise (null, the first atom upper-cased).</summary>
    public (uint? Number, string Name) Data
    {
        get
        {
            if (Tokens.Count >= 2 && Tokens[0].TryNumber(out var n))
            {
                return (n, (Tokens[1].Text ?? "").ToUpperInvariant());
            }

            return (null, Tokens.Count > 0 ? (Tokens[0].Text ?? "").ToUpperInvariant() : "");
        }
    }

    /// <summary>Builds a response from its text segments and the literals between them.</summary>
    public static ImapResponse Parse(IReadOnlyList<string> segments, IReadOnlyList<ImapToken> literals, int maxDepth, Action<ImapDiagnostic> diagnostics)
    {
        var first = segments.Count > 0 ? segments[0] : "";
        var space = first.IndexOf(' ');
        var tag = space < 0 ? first : first[..space];
        var rest = space < 0 ? "" : first[(space + 1)..];
        if (tag == "+")
        {
            return new ImapResponse(ImapResponseKind.Continuation, tag, [], null, null, rest);
        }

        var kind = tag == "*" ? ImapResponseKind.Untagged : ImapResponseKind.Tagged;
        if (tag.Length == 0)
        {
            diagnostics(new ImapDiagnostic("empty-line", "the server sent an empty line"));
        }

        // Status responses (RFC 3501 §7.1): "OK [CODE args] text" — parsed from the text itself,
        // so that brackets and quotes in human text do not disturb the tokenizer.
        var word = rest.Split(' ', 2)[0];
        if (Statuses.Contains(word))
        {
            var after = rest.Length > word.Length ? rest[(word.Length + 1)..] : "";
            string? code = null;
            if (after.StartsWith('['))
            {
                var close = after.IndexOf(']');
                if (close > 0)
                {
                    code = after[1..close];
                    after = after[(close + 1)..].TrimStart();
                }
                else
                {
                    diagnostics(new ImapDiagnostic("unclosed-code", "a response code has no closing bracket"));
                }
            }

            return new ImapResponse(kind, tag, [], word.ToUpperInvariant(), code, after);
        }

        var tokens = Tokenize([rest, .. segments.Skip(1)], literals, maxDepth, diagnostics);
        return new ImapResponse(kind, tag, tokens, null, null, rest);
    }

    /// <summary>
    /// RFC 3501 §9: atoms, quoted strings, literals (between segments), NIL and parenthesised
    /// lists. A section like <c>BODY[HEADER.FIELDS (FROM)]</c> stays inside its atom.
    /// Unbalanced parentheses are closed or ignored with a diagnostic.
    /// </summary>
    internal static IReadOnlyList<ImapToken> Tokenize(IReadOnlyList<string> segments, IReadOnlyList<ImapToken> literals, int maxDepth, Action<ImapDiagnostic> diagnostics)
    {
        var stack = new Stack<List<ImapToken>>();
        var current = new List<ImapToken>();
        for (var s = 0; s < segments.Count; s++)
        {
            var text = segments[s];
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == ' ')
                {
                    i++;
                }
                else if (c == '(')
                {
                    if (stack.Count >= maxDepth)
                    {
                        diagnostics(new ImapDiagnostic("too-deep", $"lists nested deeper than {maxDepth}; the rest of the response is ignored"));
                        return Close(stack, current);
                    }

                    stack.Push(current);
                    current = [];
                    i++;
                }
                else if (c == ')')
                {
                    if (stack.Count == 0)
                    {
                        diagnostics(new ImapDiagnostic("unbalanced", "a closing parenthesis without an opening one"));
                    }
                    else
                    {
                        var list = ImapToken.List(current);
                        current = stack.Pop();
                        current.Add(list);
                    }

                    i++;
                }
                else if (c == '"')
                {
                    var sb = new StringBuilder();
                    i++;
                    while (i < text.Length && text[i] != '"')
                    {
                        if (text[i] == '\\' && i + 1 < text.Length)
                        {
                            i++;
                        }

                        sb.Append(text[i]);
                        i++;
                    }

                    if (i >= text.Length)
                    {
                        diagnostics(new ImapDiagnostic("unclosed-quote", "a quoted string runs to the end of the line"));
                    }

                    i++;
                    current.Add(ImapToken.Quoted(sb.ToString()));
                }
                else
                {
                    var start = i;
                    var brackets = 0;
                    while (i < text.Length && (brackets > 0 || (text[i] != ' ' && text[i] != '(' && text[i] != ')')))
                    {
                        if (text[i] == '[')
                        {
                            brackets++;
                        }
                        else if (text[i] == ']' && brackets > 0)
                        {
                            brackets--;
                        }

                        i++;
                    }

                    var atom = text[start..i];
                    current.Add(atom.Equals("NIL", StringComparison.OrdinalIgnoreCase) ? ImapToken.Nil : ImapToken.Atom(atom));
                }
            }

            if (s < literals.Count)
            {
                current.Add(literals[s]);
            }
        }

        if (stack.Count > 0)
        {
            diagnostics(new ImapDiagnostic("unbalanced", "a list is not closed at the end of the response"));
        }

        return Close(stack, current);
    }

    private static List<ImapToken> Close(Stack<List<ImapToken>> stack, List<ImapToken> current)
    {
        while (stack.Count > 0)
        {
            var list = ImapToken.List(current);
            current = stack.Pop();
            current.Add(list);
        }

        return current;
    }
}
