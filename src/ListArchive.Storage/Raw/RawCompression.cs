using System.IO.Compression;

namespace ListArchive.Storage.Raw;

/// <summary>
/// Raw bytes are stored Brotli-compressed at quality 1 (the fastest level): mail text shrinks
/// to about a third at several hundred MB/s, well above the import's needs. The codec number
/// is stored per row so a later change of codec reads old rows unchanged.
/// </summary>
internal static class RawCompression
{
    public const int Brotli = 1;
    public const int Stored = 0;

    private const int Quality = 1;
    private const int Window = 22;

    public static (int Codec, byte[] Data) Compress(ReadOnlySpan<byte> bytes)
    {
        var max = BrotliEncoder.GetMaxCompressedLength(bytes.Length);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(max);
        try
        {
            if (BrotliEncoder.TryCompress(bytes, buffer, out var written, Quality, Window) && written < bytes.Length)
            {
                return (Brotli, buffer.AsSpan(0, written).ToArray());
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return (Stored, bytes.ToArray());
    }

    public static byte[] Decompress(int codec, byte[] data, int size)
    {
        switch (codec)
        {
            case Stored:
                return data;
            case Brotli:
                var output = new byte[size];
                if (!BrotliDecoder.TryDecompress(data, output, out var written) || written != size)
                {
                    throw new InvalidDataException($"raw message does not decompress to its recorded size {size}");
                }

                return output;
            default:
                throw new InvalidDataException($"unknown raw codec {codec}");
        }
    }
}
