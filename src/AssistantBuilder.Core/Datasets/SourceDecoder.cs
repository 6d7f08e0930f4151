using System.Text;

namespace AssistantBuilder.Core.Datasets;

/// <summary>Splits a file's bytes into lines and decodes them as UTF-8, noting the lines that are not valid UTF-8.</summary>
internal static class SourceDecoder
{
    public static SourceText Decode(byte[] bytes, string fileName)
    {
        ReadOnlySpan<byte> rest = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes;
        var lines = new List<string>();
        var badUtf8 = new Dictionary<int, int>();
        while (true)
        {
            int newline = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline < 0 ? rest : rest[..newline];
            lines.Add(DecodeLine(TrimCarriageReturn(line), lines.Count + 1, badUtf8));
            if (newline < 0)
            {
                break;
            }

            rest = rest[(newline + 1)..];
        }

        return new SourceText(fileName, lines, badUtf8);
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.EndsWith((byte)'\r') ? line[..^1] : line;

    private static string DecodeLine(ReadOnlySpan<byte> line, int lineNumber, Dictionary<int, int> badUtf8)
    {
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            badUtf8[lineNumber] = FirstInvalidByte(line) + 1;
        }

        return Encoding.UTF8.GetString(line);
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> line)
    {
        int index = 0;
        while (index < line.Length && Rune.DecodeFromUtf8(line[index..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
        {
            index += consumed;
        }

        return index;
    }
}
