namespace AssistantBuilder.Core.Datasets;

/// <summary>Reads a whole dataset file into memory, refusing files that are too large, empty, binary or UTF-16/32.</summary>
internal static class SourceLoader
{
    public static byte[] Load(Stream stream, string fileName, long maxBytes)
    {
        byte[] bytes = ReadAtMost(stream, fileName, maxBytes);
        CheckNotEmpty(bytes, fileName);
        CheckNotWideEncoding(bytes, fileName);
        CheckNoNul(bytes, fileName);
        return bytes;
    }

    private static byte[] ReadAtMost(Stream stream, string fileName, long maxBytes)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            throw new DatasetException(
                $"{fileName} is too large: {FormatSize(stream.Length - stream.Position)}, the limit is {FormatSize(maxBytes)} (ImportOptions.MaxBytes)");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new DatasetException($"{fileName} is too large: over the limit of {FormatSize(maxBytes)} (ImportOptions.MaxBytes)");
            }
        }

        return buffer.ToArray();
    }

    private static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024.0):0.#} MB"
        : $"{bytes} bytes";

    private static void CheckNotEmpty(byte[] bytes, string fileName)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        ReadOnlySpan<byte> content = bytes.AsSpan().StartsWith(bom) ? bytes.AsSpan(3) : bytes;
        if (content.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            throw new DatasetException($"{fileName} is empty");
        }
    }

    private static void CheckNotWideEncoding(byte[] bytes, string fileName)
    {
        if (bytes.AsSpan().StartsWith([(byte)0xFF, (byte)0xFE]) || bytes.AsSpan().StartsWith([(byte)0xFE, (byte)0xFF]))
        {
            throw new DatasetException($"{fileName} is UTF-16 (or UTF-32) encoded; save it as UTF-8");
        }
    }

    private static void CheckNoNul(byte[] bytes, string fileName)
    {
        int nul = bytes.AsSpan().IndexOf((byte)0);
        if (nul >= 0)
        {
            int line = bytes.AsSpan(0, nul).Count((byte)'\n') + 1;
            throw new DatasetException($"{fileName} looks like a binary file, not text: NUL byte at offset {nul} (line {line})");
        }
    }
}
