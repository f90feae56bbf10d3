namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// The Porter stemming algorithm (M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980),
/// in the variant of Porter's reference C implementation that Lucene's <c>porter_stem</c> filter follows
/// (step 2 has "bli" → "ble" and "logi" → "log"). Words of one or two letters are left alone.
/// </summary>
internal static class PorterStemmer
{
    private static readonly (string Suffix, string Replacement)[] Step2 =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3 =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ];

    public static string Stem(string word)
    {
        if (word.Length <= 2)
            return word;
        var w = new Word(word);
        w.Step1ab();
        if (w.K > 0)
        {
            w.Step1c();
            w.Replace(Step2);
            w.Replace(Step3);
            w.Step4();
            w.Step5();
        }
        return w.ToString();
    }

    private sealed class Word(string word)
    {
        private readonly char[] _b = word.ToCharArray();
        private int _j;

        /// <summary>Index of the last character of the current word.</summary>
        public int K { get; private set; } = word.Length - 1;

        public override string ToString() => new(_b, 0, K + 1);

        private bool Cons(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !Cons(i - 1),
            _ => true,
        };

        /// <summary>m: the number of consonant-vowel sequences in b[0..j].</summary>
        private int M()
        {
            var n = 0;
            var i = 0;
            while (true)
            {
                if (i > _j)
                    return n;
                if (!Cons(i))
                    break;
                i++;
            }
            i++;
            while (true)
            {
                while (true)
                {
                    if (i > _j)
                        return n;
                    if (Cons(i))
                        break;
                    i++;
                }
                i++;
                n++;
                while (true)
                {
                    if (i > _j)
                        return n;
                    if (!Cons(i))
                        break;
                    i++;
                }
                i++;
            }
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= _j; i++)
                if (!Cons(i))
                    return true;
            return false;
        }

        private bool DoubleC(int j) => j >= 1 && _b[j] == _b[j - 1] && Cons(j);

        /// <summary>cvc at i–2..i, the last consonant not w, x or y (e.g. "hop", not "snow").</summary>
        private bool Cvc(int i)
        {
            if (i < 2 || !Cons(i) || Cons(i - 1) || !Cons(i - 2))
                return false;
            return _b[i] is not ('w' or 'x' or 'y');
        }

        private bool Ends(string s)
        {
            var length = s.Length;
            if (length > K + 1)
                return false;
            for (var i = 0; i < length; i++)
                if (_b[K - length + 1 + i] != s[i])
                    return false;
            _j = K - length;
            return true;
        }

        private void SetTo(string s)
        {
            for (var i = 0; i < s.Length; i++)
                _b[_j + 1 + i] = s[i];
            K = _j + s.Length;
        }

        public void Step1ab()
        {
            if (_b[K] == 's')
            {
                if (Ends("sses"))
                    K -= 2;
                else if (Ends("ies"))
                    SetTo("i");
                else if (K >= 1 && _b[K - 1] != 's')
                    K--;
            }
            if (Ends("eed"))
            {
                if (M() > 0)
                    K--;
            }
            else if ((Ends("ed") || Ends("ing")) && VowelInStem())
            {
                K = _j;
                if (Ends("at"))
                    SetTo("ate");
                else if (Ends("bl"))
                    SetTo("ble");
                else if (Ends("iz"))
                    SetTo("ize");
                else if (DoubleC(K))
                {
                    K--;
                    if (_b[K] is 'l' or 's' or 'z')
                        K++;
                }
                else if (M() == 1 && Cvc(K))
                {
                    SetTo("e");
                }
            }
        }

        public void Step1c()
        {
            if (Ends("y") && VowelInStem())
                _b[K] = 'i';
        }

        public void Replace((string Suffix, string Replacement)[] rules)
        {
            if (K == 0)
                return;
            foreach (var (suffix, replacement) in rules)
            {
                if (!Ends(suffix))
                    continue;
                if (M() > 0)
                    SetTo(replacement);
                return;
            }
        }

        public void Step4()
        {
            if (K == 0)
                return;
            foreach (var suffix in Step4Suffixes)
            {
                if (!Ends(suffix))
                    continue;
                if (suffix == "ion" && (_j < 0 || _b[_j] is not ('s' or 't')))
                    continue;
                if (M() > 1)
                    K = _j;
                return;
            }
        }

        public void Step5()
        {
            _j = K;
            if (_b[K] == 'e')
            {
                var a = M();
                if (a > 1 || (a == 1 && !Cvc(K - 1)))
                    K--;
            }
            if (_b[K] == 'l' && DoubleC(K) && M() > 1)
                K--;
        }
    }
}
