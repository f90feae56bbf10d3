using System.Globalization;

/// <summary>Command line of WebBench.</summary>
internal sealed record Args(string? Data, int Seconds, int Concurrency)
{
    public static Args Parse(string[] args)
    {
        string? data = null;
        var seconds = 10;
        var concurrency = 8;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length:
                    data = args[++i];
                    break;
                case "--seconds" when i + 1 < args.Length:
                    seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--concurrency" when i + 1 < args.Length:
                    concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"unknown argument {args[i]}; usage: WebBench [--data DIR] [--seconds N] [--concurrency C]");
            }
        }

        return new Args(data, seconds, concurrency);
    }
}
