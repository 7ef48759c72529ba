using System.IO.Compression;

namespace NetView.Web.Storage;

/// <summary>Brotli, the compression rule text travels and is stored in.</summary>
internal static class RuleText
{
    /// <summary>Compresses as the agent does (quality 6, 16 MiB window: kube-proxy's chain names repeat far apart).</summary>
    public static byte[] Compress(ReadOnlySpan<byte> text)
    {
        var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(text.Length)];
        if (!BrotliEncoder.TryCompress(text, compressed, out var written, quality: 6, window: 24))
        {
            throw new InvalidOperationException("Brotli could not compress into its own maximum compressed length.");
        }

        return compressed[..written];
    }

    /// <summary>Decompresses stored rule text, refusing more than <paramref name="maxBytes"/> of output.</summary>
    public static byte[] Decompress(byte[] compressed, long maxBytes)
    {
        using var input = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            if (output.Length + read > maxBytes)
            {
                throw new InvalidDataException($"stored rule text is larger than {maxBytes} bytes");
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }
}
