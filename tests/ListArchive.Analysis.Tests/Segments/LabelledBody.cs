using ListArchive.Mail.Html;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>
/// A message's body as the segmenter sees it: <c>MimeMessage.Parse(bytes).GetBody().Text</c>, the
/// HTML quote ranges of the same body, the sender's address (for learned signatures), the list it
/// came through (List-Id, else the corpus: for the learned footer) and the SHA-256 (hex, lower case) of the text's UTF-8 bytes.
/// </summary>
internal sealed record LabelledBody(string Text, IReadOnlyList<QuoteRange> HtmlQuotes, string? FromAddress, string ListKey, string Sha256)
{
    /// <summary>The body's lines: the text split on '\n', without the empty piece after a final '\n'.</summary>
    public IReadOnlyList<string> Lines => LabelledLines.Split(Text);
}
