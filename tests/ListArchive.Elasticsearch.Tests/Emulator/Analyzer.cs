using System.Globalization;
using System.Text;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// The emulator's one text analyser: words are maximal runs of Unicode letters, digits and
/// combining marks, lower-cased; diacritics are kept unless the mapping's analyser has an
/// <c>asciifolding</c> filter (the proposed mappings' <c>mail_folded</c>). Stemming, CJK bigrams
/// and the standard tokenizer's rules for apostrophes and numbers are not emulated.
/// </summary>
internal sealed class Analyzer(bool fold)
{
    /// <summary>The gap between the values of an array, so a phrase never spans two (Elasticsearch's position_increment_gap, 100).</summary>
    public const int ValueGap = 100;

    public static readonly Analyzer Standard = new(false);

    public static readonly Analyzer Folding = new(true);

    public bool Fold { get; } = fold;

    public List<Token> Analyze(string text, int positionBase = 0, int valueIndex = 0)
    {
        var tokens = new List<Token>();
        var i = 0;
        var position = positionBase;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i, out var width))
            {
                i += width;
                continue;
            }
            var start = i;
            while (i < text.Length && IsWordChar(text, i, out width))
                i += width;
            tokens.Add(new Token(Normalize(text[start..i]), position++, start, i, valueIndex));
        }
        return tokens;
    }

    public string Normalize(string word)
    {
        var lower = word.ToLowerInvariant();
        return Fold ? FoldDiacritics(lower) : lower;
    }

    public static string FoldDiacritics(string s)
    {
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(c);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsWordChar(string text, int i, out int width)
    {
        var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out width);
        if (status != System.Buffers.OperationStatus.Done)
        {
            width = 1;
            return false;
        }
        if (Rune.IsLetterOrDigit(rune))
            return true;
        var cat = Rune.GetUnicodeCategory(rune);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
