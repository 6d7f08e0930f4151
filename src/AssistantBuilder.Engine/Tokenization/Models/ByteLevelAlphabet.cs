using System.Text;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// GPT-2's byte-to-character table (HF's <c>bytes_char</c>): printable bytes ('!'..'~', 0xA1..0xAC, 0xAE..0xFF)
/// stand for themselves, the other 68 bytes map, in byte order, to U+0100 onwards (so ' ' is 'Ġ', '\n' is 'Ċ').
/// </summary>
internal static class ByteLevelAlphabet
{
    private static readonly char[] ByteToChar = BuildByteToChar();
    private static readonly Dictionary<char, byte> CharToByte = Enumerable.Range(0, 256)
        .ToDictionary(b => ByteToChar[b], b => (byte)b);

    private static char[] BuildByteToChar()
    {
        var table = new char[256];
        int next = 256;
        for (int b = 0; b < 256; b++)
        {
            bool printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE;
            table[b] = printable ? (char)b : (char)next++;
        }
        return table;
    }

    public static char CharFor(byte b) => ByteToChar[b];

    /// <summary>The text's UTF-8 bytes, written one alphabet character per byte.</summary>
    public static string Encode(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return string.Create(bytes.Length, bytes, static (chars, source) =>
        {
            for (int i = 0; i < source.Length; i++)
                chars[i] = ByteToChar[source[i]];
        });
    }

    /// <summary>
    /// Appends the bytes a token stands for. Like HF's ByteLevel decoder, a token with any character outside the
    /// alphabet (e.g. an added token such as "&lt;｜end｜&gt;") contributes its own UTF-8 bytes instead.
    /// </summary>
    public static void AppendBytes(string token, List<byte> output)
    {
        int start = output.Count;
        foreach (char c in token)
        {
            if (!CharToByte.TryGetValue(c, out byte b))
            {
                output.RemoveRange(start, output.Count - start);
                output.AddRange(Encoding.UTF8.GetBytes(token));
                return;
            }
            output.Add(b);
        }
    }
}
