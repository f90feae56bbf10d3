using System.Text.RegularExpressions;
using ListArchive.Elasticsearch.Index;
using ListArchive.Elasticsearch.Tests.Emulator;
using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>The stemmer of prefix terms (<see cref="PorterStem"/>) against known stems and the emulator's own stemmer.</summary>
public sealed partial class CorePorterStemTests
{
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("digitizer", "digit")]
    [InlineData("generalizations", "gener")]
    [InlineData("connections", "connect")]
    [InlineData("maintainer", "maintain")]
    [InlineData("running", "run")]
    [InlineData("manif", "manif")]
    [InlineData("is", "is")]
    public void Known_words_stem_as_porter_says(string word, string stem) => Assert.Equal(stem, PorterStem.Stem(word));

    [Fact]
    public void Every_word_of_800_corpus_messages_stems_as_the_emulator_stems()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in MailSources.Open(RepoPaths.Corpus("twisted-python-pipermail")).Take(800))
        {
            foreach (Match m in Word().Matches(System.Text.Encoding.Latin1.GetString(raw.Bytes).ToLowerInvariant()))
                words.Add(m.Value);
        }

        Assert.True(words.Count > 2000, $"only {words.Count} words");
        var differ = words.Where(w => PorterStem.Stem(w) != PorterStemmer.Stem(w)).Take(10).Select(w => $"{w}: {PorterStem.Stem(w)} vs {PorterStemmer.Stem(w)}").ToList();
        Assert.Empty(differ);
    }

    [GeneratedRegex("[a-z]+")]
    private static partial Regex Word();
}
