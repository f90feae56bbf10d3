namespace ListArchive.Mail.Readers;

/// <summary>
/// A problem a reader met in one source (file, archive member or folder). Readers never throw on
/// bad input: they report one of these through the sink they were given and go on.
/// <see cref="MailDiagnostic.Offset"/> is the byte offset in the (decompressed) source, -1 when
/// unknown.
/// </summary>
/// <param name="Source">The source, named as in <see cref="SourcePosition.Source"/>.</param>
/// <param name="Diagnostic">What went wrong, with a stable kebab-case code.</param>
public readonly record struct ReaderDiagnostic(string Source, MailDiagnostic Diagnostic)
{
    public override string ToString() => $"{Source}: {Diagnostic}";
}
