using ListArchive.Analysis.Reuse;

namespace ListArchive.Analysis.Tests.Reuse;

public sealed class FingerprinterTests
{
    private static readonly string[] Vocabulary = BuildVocabulary();

    private static string[] BuildVocabulary()
    {
        // Pronounceable made-up words: a vocabulary of 4,000 distinct tokens.
        var random = new Random(6);
        var set = new HashSet<string>(StringComparer.Ordinal);
        const string consonants = "bcdfghjklmnprstvwz";
        const string vowels = "aeiou";
        while (set.Count < 4000)
        {
            var n = random.Next(2, 5);
            var chars = new char[n * 2];
            for (var i = 0; i < n; i++)
            {
                chars[2 * i] = consonants[random.Next(consonants.Length)];
                chars[(2 * i) + 1] = vowels[random.Next(vowels.Length)];
            }

            set.Add(new string(chars));
        }

        return [.. set];
    }

    private static List<string> RandomWords(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToList();

    private static List<FingerprintMatch> Shared(string x, string y)
    {
        var f = Fingerprinter.Default;
        return Fingerprinter.Shared(f.Fingerprint(WordStream.Create(x)), f.Fingerprint(WordStream.Create(y)));
    }

    [Fact]
    public void Guarantee_is_window_plus_gram_minus_one()
    {
        Assert.Equal(10, Fingerprinter.Default.GuaranteeWords);
        Assert.Equal(7, new Fingerprinter(4, 4).GuaranteeWords);
    }

    [Fact]
    public void Shared_runs_of_at_least_ten_words_always_share_a_fingerprint()
    {
        var random = new Random(2003);
        for (var trial = 0; trial < 500; trial++)
        {
            var run = RandomWords(random, random.Next(10, 40));
            var x = RandomWords(random, random.Next(0, 200));
            var y = RandomWords(random, random.Next(0, 200));
            x.InsertRange(random.Next(x.Count + 1), run);
            y.InsertRange(random.Next(y.Count + 1), run);

            // Different wrapping and quote markers on one side: the stream, not the layout, is fingerprinted.
            var quoted = string.Join('\n', y.Chunk(random.Next(3, 12)).Select(line => "> " + string.Join(' ', line)));
            var shared = Shared(string.Join(' ', x), quoted);
            Assert.True(shared.Count > 0, $"trial {trial}: run of {run.Count} words not fingerprinted in common");
        }
    }

    [Fact]
    public void Runs_shorter_than_five_words_never_share_a_fingerprint()
    {
        var random = new Random(1997);
        for (var trial = 0; trial < 500; trial++)
        {
            var run = RandomWords(random, random.Next(1, 5));
            var x = RandomWords(random, random.Next(0, 200));
            var y = RandomWords(random, random.Next(0, 200));
            x.InsertRange(random.Next(x.Count + 1), run);
            y.InsertRange(random.Next(y.Count + 1), run);
            Assert.Empty(Shared(string.Join(' ', x), string.Join(' ', y)));
        }
    }

    [Fact]
    public void Every_window_has_its_minimum_selected_and_positions_are_increasing()
    {
        var random = new Random(42);
        var stream = WordStream.Create(string.Join(' ', RandomWords(random, 300)));
        var f = Fingerprinter.Default;
        var grams = new ulong[stream.Count - f.GramWords + 1];
        f.GramHashes(stream.Tokens, grams);
        var prints = f.Fingerprint(stream);
        var positions = prints.Select(p => p.Position).ToHashSet();
        for (var s = 0; s + f.Window <= grams.Length; s++)
        {
            var window = grams.AsSpan(s, f.Window);
            var min = window.ToArray().Min();
            var rightmost = s + window.LastIndexOf(min);
            Assert.Contains(rightmost, positions);
        }

        Assert.True(prints.Zip(prints.Skip(1)).All(p => p.First.Position < p.Second.Position));
        Assert.All(prints, p => Assert.Equal(grams[p.Position], p.Hash));

        // Density about 2 / (w + 1) of the grams (Schleimer et al. §3): between 1.5/(w+1) and 3/(w+1) here.
        var density = prints.Length / (double)grams.Length;
        Assert.InRange(density, 1.5 / (f.Window + 1), 3.0 / (f.Window + 1));
    }

    [Fact]
    public void Short_texts_get_one_fingerprint_and_texts_below_a_gram_none()
    {
        Assert.Single(Fingerprinter.Default.Fingerprint(WordStream.Create("one two three four five six seven")));
        Assert.Empty(Fingerprinter.Default.Fingerprint(WordStream.Create("one two three four")));
    }

    [Fact]
    public void Fingerprint_positions_map_back_to_the_shared_words()
    {
        const string source = "Intro words here. The quick brown fox jumps over the lazy dog near the river bank today. End.";
        const string message = "I think that\n> the quick brown fox jumps over\n> the lazy dog near the river bank\nindeed.";
        var s = WordStream.Create(source);
        var m = WordStream.Create(message);
        var shared = Fingerprinter.Shared(Fingerprinter.Default.Fingerprint(m), Fingerprinter.Default.Fingerprint(s));
        Assert.NotEmpty(shared);
        foreach (var match in shared)
        {
            var (ms, me) = m.CharRange(match.MessagePosition, 5);
            var (ss, se) = s.CharRange(match.SourcePosition, 5);
            var left = string.Join(' ', message[ms..me].Split([' ', '\n', '>'], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
            Assert.Equal(source[ss..se].ToLowerInvariant(), left);
        }
    }
}
