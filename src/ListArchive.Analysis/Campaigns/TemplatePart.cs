namespace ListArchive.Analysis.Campaigns;

/// <summary>A run of the template's text: shared by most copies, or a varying slot.</summary>
public sealed record TemplatePart(string Text, bool Varies);
