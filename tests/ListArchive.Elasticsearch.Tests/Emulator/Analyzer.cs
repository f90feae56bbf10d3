using System.Globalization;
using System.Text;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// The emulator's text analyser: words are maximal runs of Unicode letters, digits and combining
/// marks (or, with a <c>pattern</c> tokenizer, the text between matches of its pattern),
/// lower-cased; diacritics are folded when the analyser has an <c>asciifolding</c> filter, and
/// words Porter-stemmed when it has <c>porter_stem</c> (or an English stemmer). CJK bigrams, stop
/// words and the standard tokenizer's rules for apostrophes and numbers are not emulated.
/// </summary>
internal sealed class Analyzer(bool fold, bool stem = false, System.Text.RegularExpressions.Regex? splitter = null)
{
    /// <summary>The gap between the values of an array, so a phrase never spans two (Elasticsearch's position_increment_gap, 100).</summary>
    public const int ValueGap = 100;

    public static readonly Analyzer Standard = new(false);

    public static readonly Analyzer Folding = new(true);

    public bool Fold { get; } = fold;

    public bool Stem { get; } = stem;

    public List<Token> Analyze(string text, int positionBase = 0, int valueIndex = 0)
    {
        var tokens = new List<Token>();
        if (splitter is not null)
        {
            var from = 0;
            var next = positionBase;
            foreach (System.Text.RegularExpressions.Match m in splitter.Matches(text))
            {
                if (m.Index > from)
                    tokens.Add(new Token(Normalize(text[from..m.Index]), next++, from, m.Index, valueIndex));
                from = m.Index + m.Length;
            }
            if (from < text.Length)
                tokens.Add(new Token(Normalize(text[from..]), next, from, text.Length, valueIndex));
            return tokens;
        }
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
        var folded = Fold ? FoldDiacritics(lower) : lower;
        return Stem ? PorterStemmer.Stem(folded) : folded;
    }

    /// <summary>asciifolding, approximately: combining marks dropped, and the common letters that do not decompose (ø, æ, œ, ß, ł, đ, þ, ı) spelled out as Lucene's ASCIIFoldingFilter does.</summary>
    public static string FoldDiacritics(string s)
    {
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            sb.Append(c switch
            {
                'ø' => "o", 'Ø' => "O", 'æ' => "ae", 'Æ' => "AE", 'œ' => "oe", 'Œ' => "OE", 'ß' => "ss", 'ł' => "l", 'Ł' => "L",
                'đ' => "d", 'Đ' => "D", 'þ' => "th", 'Þ' => "TH", 'ı' => "i",
                _ => c.ToString(),
            });
        }
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
