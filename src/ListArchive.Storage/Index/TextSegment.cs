namespace ListArchive.Storage.Index;

/// <summary>
/// A span of a message's body text with its kind (<c>own</c>, <c>quote</c>, <c>attribution</c>,
/// <c>signature</c>, <c>footer</c>, …), as UTF-16 offsets into <see cref="IndexedMessage.BodyText"/>.
/// Until segmentation exists the whole text is one <c>own</c> segment.
/// </summary>
public sealed record TextSegment(string Kind, int Start, int Length)
{
    public const string Own = "own";
}
