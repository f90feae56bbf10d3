using ListArchive.Tools.UnwrapBench;

// UnwrapBench [--corpus PATH] [--repeat N]: the cost of LinkUnwrapper.UnwrapText next to what import
// already does per message (parse + GetBody), on clearwater by default (docs/url-unwrapping.md).
string? corpus = null;
int repeat = 5;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--corpus" when i + 1 < args.Length: corpus = args[++i]; break;
        case "--repeat" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0: repeat = n; i++; break;
        default:
            Console.Error.WriteLine("usage: UnwrapBench [--corpus PATH] [--repeat N]");
            return 2;
    }
}

corpus ??= Path.Combine(Bench.FindRepo(), "..", "shared", "corpora", "clearwater-pipermail");
Bench.Run(Path.GetFullPath(corpus), repeat, Console.Out);
return 0;
