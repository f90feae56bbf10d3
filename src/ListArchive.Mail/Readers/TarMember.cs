namespace ListArchive.Mail.Readers;

/// <summary>One regular file of a tar archive, read whole.</summary>
/// <param name="Name">Member path (after GNU long-name and pax <c>path</c> records).</param>
/// <param name="Data">Its bytes (fewer than announced when <paramref name="Truncated"/>).</param>
/// <param name="Offset">Offset of the data in the (decompressed) tar stream.</param>
/// <param name="Truncated">The archive ended inside this member.</param>
internal sealed record TarMember(string Name, byte[] Data, long Offset, bool Truncated);
