namespace ListArchive.Tools.ReuseBench;

/// <summary>One corpus message for the bench: its id, first In-Reply-To, body text and own text.</summary>
internal sealed record BenchMessage(string Id, string? Parent, string Text, string Own);
