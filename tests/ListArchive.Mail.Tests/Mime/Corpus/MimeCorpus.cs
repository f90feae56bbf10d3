using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Mail.Tests.Mime.Corpus;

/// <summary>
/// The messages of a shared corpus, read in place with the real readers (<see cref="MailSources.Open"/>),
/// so the MIME tests parse exactly what the importer would hand the parser. Fails loudly when the
/// corpus is missing or yields nothing.
/// </summary>
internal static class MimeCorpus
{
    /// <summary>
    /// Every message under <paramref name="path"/> (a corpus folder or file, relative to the corpora)
    /// with the name of the file it came from.
    /// </summary>
    public static IEnumerable<(string File, byte[] Message)> Messages(string path)
    {
        var full = RepoPaths.Corpus(path);
        var any = false;
        foreach (var message in MailSources.Open(full))
        {
            any = true;
            yield return (System.IO.Path.GetFileName(message.Position.Source), message.Bytes);
        }

        if (!any)
        {
            throw new InvalidOperationException($"No messages in {full}");
        }
    }

    /// <summary>The bytes of every message under <paramref name="path"/>.</summary>
    public static IEnumerable<byte[]> Bytes(string path) => Messages(path).Select(m => m.Message);

    /// <summary>The leaf entities of a parsed message (multipart children only, not attached messages).</summary>
    public static IEnumerable<MimeEntity> Leaves(MimeEntity entity) =>
        entity.Children.Count == 0 ? [entity] : entity.Children.SelectMany(Leaves);
}
