using System.Globalization;
using System.Text;

namespace AssistantBuilder.Engine.Templates;

/// <summary>Python string behaviour: code-point indexing and <c>repr()</c> quoting.</summary>
internal static class PyString
{
    /// <summary>The string's characters as Python sees them (one entry per code point).</summary>
    public static IReadOnlyList<string> Characters(string value)
    {
        var characters = new List<string>(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            characters.Add(rune.ToString());
        }

        return characters;
    }

    public static int Length(string value) => value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')
        ? value.EnumerateRunes().Count()
        : value.Length;

    public static string Repr(string value)
    {
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var result = new StringBuilder(value.Length + 2).Append(quote);
        foreach (var rune in value.EnumerateRunes())
        {
            AppendReprRune(result, rune, quote);
        }

        return result.Append(quote).ToString();
    }

    private static void AppendReprRune(StringBuilder result, Rune rune, char quote)
    {
        var code = rune.Value;
        if (code == quote || code == '\\')
        {
            result.Append('\\').Append((char)code);
        }
        else if (code is '\n' or '\r' or '\t')
        {
            result.Append(code switch { '\n' => "\\n", '\r' => "\\r", _ => "\\t" });
        }
        else if (IsPrintable(rune))
        {
            result.Append(rune.ToString());
        }
        else
        {
            result.Append(code switch
            {
                < 0x100 => $"\\x{code:x2}",
                < 0x10000 => $"\\u{code:x4}",
                _ => $"\\U{code:x8}",
            });
        }
    }

    private static bool IsPrintable(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) is not (
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.SpaceSeparator);
}
