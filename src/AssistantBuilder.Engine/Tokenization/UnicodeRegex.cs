using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// A .NET regex that matches like the Oniguruma regexes HF's Split/ByteLevel use. Both are backtracking engines
/// with the same leftmost-first alternation, and <c>\s \p{L} \p{N}</c> cover the same characters, with one
/// difference: .NET tests classes per UTF-16 unit, so a character outside the BMP (a surrogate pair) never matches
/// <c>\p{L}</c> or <c>\p{N}</c>, while Oniguruma tests the code point. So text with surrogate pairs is matched
/// through a view in which each pair is one BMP stand-in of the same Unicode category, and the matches are mapped
/// back to the real string.
/// </summary>
internal sealed class UnicodeRegex
{
    private static readonly Lazy<char[]> StandIns = new(BuildStandIns);
    private readonly Regex _regex;

    public UnicodeRegex(string pattern, LoadContext? context = null)
    {
        try
        {
            _regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }
        catch (ArgumentException ex)
        {
            string problem = $"regex '{pattern}' cannot be used by .NET: {ex.Message}";
            throw context is null ? new NotSupportedException(problem, ex) : new NotSupportedException($"{context.SourceName}: {problem}", ex);
        }
    }

    /// <summary>Non-overlapping matches, left to right, as (start, end) indices into <paramref name="text"/>.</summary>
    public List<(int Start, int End)> Matches(string text)
    {
        var result = new List<(int, int)>();
        if (!HasSurrogates(text))
        {
            for (Match m = _regex.Match(text); m.Success; m = m.NextMatch())
                result.Add((m.Index, m.Index + m.Length));
            return result;
        }

        (string view, int[] toOriginal) = BuildView(text);
        for (Match m = _regex.Match(view); m.Success; m = m.NextMatch())
            result.Add((toOriginal[m.Index], toOriginal[m.Index + m.Length]));
        return result;
    }

    private static bool HasSurrogates(string text)
    {
        foreach (char c in text)
            if (char.IsSurrogate(c))
                return true;
        return false;
    }

    // One view char per code point; toOriginal[i] is where view char i starts in text (plus the end).
    private static (string View, int[] ToOriginal) BuildView(string text)
    {
        var view = new StringBuilder(text.Length);
        var toOriginal = new List<int>(text.Length + 1);
        for (int i = 0; i < text.Length; i++)
        {
            toOriginal.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                view.Append(StandIns.Value[(int)CharUnicodeInfo.GetUnicodeCategory(codePoint)]);
                i++;
            }
            else
            {
                view.Append(text[i]);
            }
        }
        toOriginal.Add(text.Length);
        return (view.ToString(), toOriginal.ToArray());
    }

    // For each Unicode category, the first non-ASCII BMP character of that category.
    private static char[] BuildStandIns()
    {
        var standIns = new char[32];
        for (int c = 0xFFFF; c >= 0x80; c--)
            if (!char.IsSurrogate((char)c))
                standIns[(int)CharUnicodeInfo.GetUnicodeCategory((char)c)] = (char)c;
        standIns[(int)UnicodeCategory.Surrogate] = '\uFFFD';
        return standIns;
    }
}
