namespace ListArchive.Analysis.Links;

/// <summary>
/// The text with its wrapped links replaced, and the links. <see cref="MapOffset"/> carries an
/// offset of the input text over to the output, so that ranges found before unwrapping (the HTML
/// quote ranges of the mail reader) still point at the same text after it.
/// </summary>
public sealed record UnwrapResult(string Text, IReadOnlyList<UnwrappedLink> Links)
{
    /// <summary>Input spans copied to the output unchanged, in order; null when nothing was replaced.</summary>
    internal IReadOnlyList<KeptSpan>? Kept { get; init; }

    /// <summary>
    /// Where an offset of the input text is in <see cref="Text"/>. An offset inside a replaced URL
    /// maps to the end of its replacement (the start of the next unchanged text).
    /// </summary>
    public int MapOffset(int inputOffset)
    {
        if (Kept is null)
        {
            return Math.Clamp(inputOffset, 0, Text.Length);
        }

        foreach (var k in Kept)
        {
            if (inputOffset < k.Input)
            {
                return k.Output;
            }

            if (inputOffset < k.Input + k.Length)
            {
                return k.Output + (inputOffset - k.Input);
            }
        }

        return Text.Length;
    }
}
