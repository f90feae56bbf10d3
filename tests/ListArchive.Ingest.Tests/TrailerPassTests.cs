using ListArchive.Testing;

namespace ListArchive.Ingest.Tests;

/// <summary>
/// Signatures learned per sender at the end of each import (<see cref="TrailerPass"/>): earlier
/// messages are re-segmented when a signature is learned, and the result does not depend on how
/// the messages were split between imports.
/// </summary>
public sealed class TrailerPassTests
{
    private const string Signature = "Cheers,\nAlice Example\nExample Networks, Policy Unit";

    private static string Message(string id, string from, int i, string ending) => $"""
        From: {from}
        To: list@example.org
        Subject: Point {i}
        Message-ID: <{id}{i}@example.org>
        Date: Mon, {i} Mar 2021 10:00:00 +0000
        List-Id: Policy list <policy.example.org>

        This is point number {i} about the governance of the internet,
        made in different words every time, number {i}.

        {ending}

        """.Replace("\r", "", StringComparison.Ordinal);

    /// <summary>Alice signs every message; Bob and Carol on the same list do not (so no list footer).</summary>
    private static void Write(TempDirectory dir, IEnumerable<int> numbers)
    {
        foreach (var i in numbers)
        {
            File.WriteAllText(dir.Combine($"a{i}.eml"), Message("point", "Alice Example <alice@example.org>", i, Signature));
            File.WriteAllText(dir.Combine($"b{i}.eml"), Message("bob", "Bob <bob@example.net>", i, $"Bob's closing thought number {i}."));
            File.WriteAllText(dir.Combine($"c{i}.eml"), Message("carol", "Carol <carol@example.com>", i, $"Carol, on point {i}."));
        }
    }

    private static string[] Kinds(Archive archive, int i) =>
        archive.Index.GetMessage($"point{i}@example.org")!.Segments.Where(s => s.Length > 0).Select(s => s.Kind).ToArray();

    [Fact]
    public void Signature_learned_later_reaches_the_first_messages_and_batching_does_not_matter()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        using var all = new TempDirectory();
        Write(first, Enumerable.Range(1, 3));
        Write(second, Enumerable.Range(4, 4));
        Write(all, Enumerable.Range(1, 7));

        using var split = new TempDirectory();
        using (var archive = Archive.Open(split.Path))
        {
            var pipeline = new ImportPipeline(archive);
            pipeline.Import([first.Path]);
            // Three messages are too few to call their common ending a signature.
            Assert.DoesNotContain("signature", Kinds(archive, 1));
            pipeline.Import([second.Path]);
            // Seven are enough: the first three are re-segmented too.
            for (var i = 1; i <= 7; i++)
            {
                Assert.Equal("signature", Kinds(archive, i)[^1]);
                var m = archive.Index.GetMessage($"point{i}@example.org")!;
                var signature = m.Segments.Last(s => s.Kind == "signature");
                Assert.Contains("Alice Example", m.BodyText.Substring(signature.Start, signature.Length), StringComparison.Ordinal);
            }
        }

        using var once = new TempDirectory();
        using (var a = Archive.Open(split.Path))
        using (var b = Archive.Open(once.Path))
        {
            new ImportPipeline(b).Import([all.Path]);
            for (var i = 1; i <= 7; i++)
            {
                Assert.Equal(
                    a.Index.GetMessage($"point{i}@example.org")!.Segments,
                    b.Index.GetMessage($"point{i}@example.org")!.Segments);
            }

            Assert.Equal(a.Index.GetTrailers(), b.Index.GetTrailers());
        }
    }
}
