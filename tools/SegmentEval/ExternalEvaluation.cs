namespace ListArchive.Tools.SegmentEval;

internal static class ExternalEvaluation { public static int Run(string d, int f, TextWriter o) => 2; }
