namespace ListArchive.Ingest.Imap;

/// <summary>Kinds of tokens in a response (RFC 3501 §4).</summary>
internal enum ImapTokenKind
{
    Atom,
    Quoted,
    Literal,
    Nil,
    List,
}
