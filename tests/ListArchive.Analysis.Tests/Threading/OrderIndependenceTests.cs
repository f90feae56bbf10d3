using ListArchive.Analysis.Threading;

namespace ListArchive.Analysis.Tests.Threading;

public sealed class OrderIndependenceTests
{
    /// <summary>
    /// A messy synthetic archive: ghosts, truncated and reordered References, disagreeing
    /// In-Reply-To, forward references (loops), duplicates, bogus ids, undated and same-dated messages.
    /// </summary>
    private static List<ThreadInput> MessyArchive(int seed, int count)
    {
        var random = new Random(seed);
        var ancestry = new List<List<string>>();
        var inputs = new List<ThreadInput>();
        string[] subjects = ["Charter", "Re: Charter", "Agenda", "Re: Agenda", "AW: Agenda", "Fwd: Minutes", "Minutes"];
        for (var i = 0; i < count; i++)
        {
            var id = $"m{i}@x";
            var path = new List<string>();
            if (i > 0 && random.NextDouble() < 0.8)
            {
                var parent = random.Next(i);
                path.AddRange(ancestry[parent]);
                path.Add(random.NextDouble() < 0.1 ? $"ghost{random.Next(20)}@x" : $"m{parent}@x");
            }
            else if (random.NextDouble() < 0.3)
            {
                path.Add($"ghost{random.Next(20)}@x");
            }

            ancestry.Add(path);
            var refs = path.Skip(Math.Max(0, path.Count - random.Next(1, 6))).ToList();
            if (random.NextDouble() < 0.05)
            {
                refs.Reverse();
            }

            if (random.NextDouble() < 0.05)
            {
                refs.Add($"m{random.Next(count)}@x"); // possibly a descendant or itself: loops
            }

            if (random.NextDouble() < 0.03)
            {
                refs.Insert(0, "yes");
            }

            if (random.NextDouble() < 0.02)
            {
                refs.Add(id);
            }

            var irt = new List<string>();
            var roll = random.NextDouble();
            if (path.Count > 0 && roll < 0.7)
            {
                irt.Add(path[^1]);
            }
            else if (roll < 0.8)
            {
                irt.Add(random.NextDouble() < 0.5 ? $"m{random.Next(count)}@x" : $"elsewhere{random.Next(5)}@x");
            }

            if (random.NextDouble() < 0.3)
            {
                refs.Clear();
            }

            DateTimeOffset? date = random.NextDouble() < 0.05 ? null : Messages.Epoch.AddMinutes(i / 3);
            inputs.Add(new ThreadInput(id, refs, irt, subjects[random.Next(subjects.Length)], date));
        }

        for (var k = 0; k < 3; k++)
        {
            // Explicit loops: a pair naming each other, and a three-message cycle hanging below m{k}.
            DateTimeOffset? same = k == 0 ? null : Messages.Epoch.AddMinutes(k);
            inputs.Add(new ThreadInput($"pair-a{k}@x", [], [$"pair-b{k}@x"], "Re: Charter", same));
            inputs.Add(new ThreadInput($"pair-b{k}@x", [], [$"pair-a{k}@x"], "Re: Charter", same));
            inputs.Add(new ThreadInput($"cycle-a{k}@x", [$"m{k}@x", $"cycle-c{k}@x"], [], "Agenda", Messages.Epoch.AddMinutes(k + 1)));
            inputs.Add(new ThreadInput($"cycle-b{k}@x", [$"m{k}@x", $"cycle-a{k}@x"], [], "Agenda", Messages.Epoch.AddMinutes(k + 2)));
            inputs.Add(new ThreadInput($"cycle-c{k}@x", [$"m{k}@x", $"cycle-b{k}@x"], [], "Agenda", Messages.Epoch.AddMinutes(k)));
        }

        for (var d = 0; d < count / 20; d++)
        {
            var original = inputs[random.Next(inputs.Count)];
            inputs.Add(original with { References = [$"m{random.Next(count)}@x"], Date = original.Date?.AddSeconds(random.Next(2)) });
        }

        return inputs;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shuffled_inputs_give_identical_forests(bool groupBySubject)
    {
        var options = new ThreaderOptions { GroupBySubject = groupBySubject };
        var inputs = MessyArchive(seed: 20261123, count: 400);
        var first = Threader.Build(inputs, options);
        var expected = ForestDump.Of(first);
        // The archive really is messy: every workaround is exercised.
        Assert.Equal(
            ["duplicate-message-id", "in-reply-to-ignored", "in-reply-to-preferred", "invalid-reference-ignored", "reference-loop", "self-reference"],
            first.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(groupBySubject, first.Nodes.Values.Any(n => n.Link == ThreadLink.Subject));
        var random = new Random(7);

        for (var permutation = 0; permutation < 60; permutation++)
        {
            var shuffled = inputs.ToArray();
            random.Shuffle(shuffled);
            Assert.Equal(expected, ForestDump.Of(Threader.Build(shuffled, options)));
        }
    }

    [Fact]
    public void Messy_archive_keeps_every_message_exactly_once()
    {
        var inputs = MessyArchive(seed: 99, count: 400);
        var forest = Threader.Build(inputs);

        var distinct = inputs.Select(i => i.MessageId).Distinct().Count();
        var seen = forest.Roots.SelectMany(r => forest.GetThread(r.ThreadId)).Where(n => !n.IsPlaceholder).ToList();
        Assert.Equal(distinct, forest.MessageCount);
        Assert.Equal(distinct, seen.Count);
        Assert.Equal(distinct, seen.Select(n => n.MessageId).Distinct().Count());
        Assert.All(forest.Roots, root => Assert.Equal(ThreadLink.Root, root.Link));
        Assert.All(seen.Where(n => n.Parent is not null), n => Assert.NotEqual(ThreadLink.Root, n.Link));
        // Only roots may be placeholders after pruning, and they have at least two children.
        Assert.All(forest.Nodes.Values.Where(n => n.IsPlaceholder), n =>
        {
            Assert.Null(n.Parent);
            Assert.True(n.Children.Count >= 2);
        });
    }
}
