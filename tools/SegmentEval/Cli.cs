namespace ListArchive.Tools.SegmentEval;

/// <summary>Argument handling for segmenteval (usage in Program.cs and docs/segmentation-eval.md).</summary>
internal static class Cli
{
    public static int Run(string[] args, TextWriter output)
    {
        if (args.Length > 0 && args[0] == "dump")
        {
            if (args.Length < 3)
            {
                return Usage(output);
            }

            return Dump.Run(args[1], args[2], args.Length > 3 ? args[3] : null, output);
        }

        if (args.Length > 0 && args[0] == "survey")
        {
            return Survey.Run(args[1..], output);
        }

        if (args.Length == 3 && args[0] == "sender")
        {
            return SenderTrailers.Run(args[1], args[2], output);
        }

        string? labels = null, external = null;
        var failures = 20;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--labels" when i + 1 < args.Length:
                    labels = args[++i];
                    break;
                case "--external" when i + 1 < args.Length:
                    external = args[++i];
                    break;
                case "--failures" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n):
                    failures = n;
                    i++;
                    break;
                default:
                    return Usage(output);
            }
        }

        return external is null ? Evaluation.Run(labels, failures, output) : ExternalEvaluation.Run(external, failures, output);
    }

    private static int Usage(TextWriter output)
    {
        output.WriteLine("usage: segmenteval [--labels DIR] [--failures N]");
        output.WriteLine("       segmenteval --external DIR [--failures N]");
        output.WriteLine("       segmenteval dump CORPUS FILE [MESSAGE-ID|#INDEX]");
        output.WriteLine("       segmenteval survey [CORPUS...]");
        output.WriteLine("       segmenteval sender CORPUS ADDRESS");
        return 2;
    }
}
