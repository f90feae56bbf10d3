namespace ListArchive.Elasticsearch.Index;

/// <summary>
/// The Porter stemming algorithm (M. F. Porter, "An algorithm for suffix stripping", 1980), the one
/// behind both FTS5's <c>porter</c> tokenizer and Elasticsearch's <c>porter_stem</c> filter. Needed for
/// prefix terms only: FTS5 stems a prefix token before matching it (<c>maintainer*</c> finds
/// "maintain", "maintainers"), while Elasticsearch's <c>prefix</c> query is not analysed, so the index
/// stems the prefix itself. Input is a lower-case word; words of two letters or fewer are left as they are.
/// </summary>
internal static class PorterStem
{
    public static string Stem(string word)
    {
        if (word.Length <= 2 || !word.All(char.IsAsciiLetterLower))
            return word;
        var b = new System.Text.StringBuilder(word);
        Step1Ab(b);
        Step1C(b);
        Step2(b);
        Step3(b);
        Step4(b);
        Step5(b);
        return b.ToString();
    }

    private static bool IsConsonant(System.Text.StringBuilder b, int i) => b[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(b, i - 1),
        _ => true,
    };

    /// <summary>m(): the number of vowel-consonant sequences in b[0..end).</summary>
    private static int Measure(System.Text.StringBuilder b, int end)
    {
        var n = 0;
        var i = 0;
        while (i < end && IsConsonant(b, i))
            i++;
        while (i < end)
        {
            while (i < end && !IsConsonant(b, i))
                i++;
            if (i >= end)
                break;
            n++;
            while (i < end && IsConsonant(b, i))
                i++;
        }

        return n;
    }

    private static bool HasVowel(System.Text.StringBuilder b, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (!IsConsonant(b, i))
                return true;
        }

        return false;
    }

    private static bool DoubleConsonant(System.Text.StringBuilder b, int end) =>
        end >= 2 && b[end - 1] == b[end - 2] && IsConsonant(b, end - 1);

    /// <summary>*o: the stem ends consonant-vowel-consonant, the last not w, x or y.</summary>
    private static bool Cvc(System.Text.StringBuilder b, int end) =>
        end >= 3 && IsConsonant(b, end - 1) && !IsConsonant(b, end - 2) && IsConsonant(b, end - 3) && b[end - 1] is not ('w' or 'x' or 'y');

    private static bool EndsWith(System.Text.StringBuilder b, string suffix)
    {
        if (suffix.Length > b.Length)
            return false;
        for (var i = 0; i < suffix.Length; i++)
        {
            if (b[b.Length - suffix.Length + i] != suffix[i])
                return false;
        }

        return true;
    }

    private static void Replace(System.Text.StringBuilder b, string suffix, string with)
    {
        b.Length -= suffix.Length;
        b.Append(with);
    }

    /// <summary>Replaces the suffix when the stem before it has m() &gt; <paramref name="minMeasure"/>; true when the suffix matched.</summary>
    private static bool Rule(System.Text.StringBuilder b, string suffix, string with, int minMeasure)
    {
        if (!EndsWith(b, suffix))
            return false;
        if (Measure(b, b.Length - suffix.Length) > minMeasure)
            Replace(b, suffix, with);
        return true;
    }

    private static void Step1Ab(System.Text.StringBuilder b)
    {
        if (EndsWith(b, "sses"))
            Replace(b, "sses", "ss");
        else if (EndsWith(b, "ies"))
            Replace(b, "ies", "i");
        else if (!EndsWith(b, "ss") && EndsWith(b, "s"))
            b.Length--;

        var stripped = false;
        if (EndsWith(b, "eed"))
        {
            if (Measure(b, b.Length - 3) > 0)
                b.Length--;
        }
        else if (EndsWith(b, "ed") && HasVowel(b, b.Length - 2))
        {
            b.Length -= 2;
            stripped = true;
        }
        else if (EndsWith(b, "ing") && HasVowel(b, b.Length - 3))
        {
            b.Length -= 3;
            stripped = true;
        }

        if (!stripped)
            return;
        if (EndsWith(b, "at") || EndsWith(b, "bl") || EndsWith(b, "iz"))
            b.Append('e');
        else if (DoubleConsonant(b, b.Length) && b[^1] is not ('l' or 's' or 'z'))
            b.Length--;
        else if (Measure(b, b.Length) == 1 && Cvc(b, b.Length))
            b.Append('e');
    }

    private static void Step1C(System.Text.StringBuilder b)
    {
        if (EndsWith(b, "y") && HasVowel(b, b.Length - 1))
            b[^1] = 'i';
    }

    private static readonly (string, string)[] Step2Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ];

    private static readonly (string, string)[] Step3Rules =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ];

    private static void Step2(System.Text.StringBuilder b)
    {
        foreach (var (suffix, with) in Step2Rules.OrderByDescending(r => r.Item1.Length))
        {
            if (Rule(b, suffix, with, 0))
                return;
        }
    }

    private static void Step3(System.Text.StringBuilder b)
    {
        foreach (var (suffix, with) in Step3Rules.OrderByDescending(r => r.Item1.Length))
        {
            if (Rule(b, suffix, with, 0))
                return;
        }
    }

    private static void Step4(System.Text.StringBuilder b)
    {
        foreach (var suffix in Step4Suffixes.OrderByDescending(s => s.Length))
        {
            if (!EndsWith(b, suffix))
                continue;
            var stem = b.Length - suffix.Length;
            if (Measure(b, stem) > 1 && (suffix != "ion" || (stem > 0 && b[stem - 1] is 's' or 't')))
                b.Length = stem;
            return;
        }
    }

    private static void Step5(System.Text.StringBuilder b)
    {
        if (EndsWith(b, "e"))
        {
            var m = Measure(b, b.Length - 1);
            if (m > 1 || (m == 1 && !Cvc(b, b.Length - 1)))
                b.Length--;
        }

        if (EndsWith(b, "ll") && Measure(b, b.Length) > 1)
            b.Length--;
    }
}
