using System.Globalization;
using System.Text;

namespace AssistantBuilder.Engine.Templates;

/// <summary>Decodes the backslash escapes of a Jinja string literal the way Python's <c>unicode_escape</c> does.</summary>
internal static class StringLiteral
{
    private static readonly Dictionary<char, string> SimpleEscapes = new()
    {
        ['\\'] = "\\", ['\''] = "'", ['"'] = "\"", ['n'] = "\n", ['t'] = "\t", ['r'] = "\r",
        ['a'] = "\a", ['b'] = "\b", ['f'] = "\f", ['v'] = "\v", ['\n'] = string.Empty,
    };

    private static readonly Dictionary<char, int> HexEscapeLengths = new() { ['x'] = 2, ['u'] = 4, ['U'] = 8 };

    public static string Decode(string raw)
    {
        var result = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\' || i + 1 == raw.Length)
            {
                result.Append(raw[i]);
                continue;
            }

            i = AppendEscape(raw, i + 1, result);
        }

        return result.ToString();
    }

    /// <summary>Appends the escape whose letter is at <paramref name="at"/>; returns the index of its last character.</summary>
    private static int AppendEscape(string raw, int at, StringBuilder result)
    {
        var letter = raw[at];
        if (SimpleEscapes.TryGetValue(letter, out var simple))
        {
            result.Append(simple);
            return at;
        }

        if (HexEscapeLengths.TryGetValue(letter, out var length) && TryHex(raw, at + 1, length, out var code))
        {
            result.Append(char.ConvertFromUtf32(code));
            return at + length;
        }

        if (letter is >= '0' and <= '7')
        {
            return AppendOctal(raw, at, result);
        }

        result.Append('\\').Append(letter);
        return at;
    }

    private static int AppendOctal(string raw, int at, StringBuilder result)
    {
        var end = at;
        while (end < raw.Length && end - at < 3 && raw[end] is >= '0' and <= '7')
        {
            end++;
        }

        result.Append((char)Convert.ToInt32(raw[at..end], 8));
        return end - 1;
    }

    private static bool TryHex(string raw, int start, int length, out int code)
    {
        code = 0;
        return start + length <= raw.Length
            && int.TryParse(raw.AsSpan(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code)
            && code <= 0x10FFFF
            && code is < 0xD800 or > 0xDFFF;
    }
}
