namespace ListArchive.Analysis.Links;

/// <summary>A span of the input text copied unchanged to the output of <see cref="LinkUnwrapper"/>.</summary>
internal readonly record struct KeptSpan(int Input, int Output, int Length);
