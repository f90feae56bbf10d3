namespace ListArchive.Analysis.Tests.Segments;

/// <summary>One body line with the kind its label gives and the kind the segmenter gave (lower-case names; null = unlabelled blank line).</summary>
internal sealed record LabelledLineKind(int Line, string Text, string? Expected, string Actual);
