using System.Text;
using System.Text.RegularExpressions;

namespace AssistantBuilder.Core.Evaluation;

/// <summary>
/// Whether an answer states a key fact: case-insensitive, whitespace collapsed, dashes unified, and sentence
/// punctuation ignored unless it sits inside a word or number ("€19.99." matches "€19.99", "8:00-20:00" matches
/// "8:00–20:00", and so does "8:00 – 20:00"). The fact must stand as whole words: "Hub 3" is not found in "Hub 30".
/// </summary>
public static class FactMatcher
{
    static readonly Regex SpacedRange = new(@"(\d) *- *(\d)", RegexOptions.CultureInvariant);
    const string SentencePunctuation = ".,!?;:\"'()[]{}`…«»“”‘’-*_";

    public static bool Contains(string answer, string fact)
    {
        string text = Normalize(answer), key = Normalize(fact);
        if (key.Length == 0) return true;
        for (int at = text.IndexOf(key, StringComparison.Ordinal); at >= 0; at = text.IndexOf(key, at + 1, StringComparison.Ordinal))
        {
            bool startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]) || !char.IsLetterOrDigit(key[0]);
            int end = at + key.Length;
            bool endsWord = end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(key[^1]);
            if (startsWord && endsWord) return true;
        }
        return false;
    }

    /// <summary>The facts of <paramref name="facts"/> that the answer states.</summary>
    public static IReadOnlyList<string> Found(string answer, IEnumerable<string> facts) => facts.Where(f => Contains(answer, f)).ToList();

    public static string Normalize(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => c switch
        {
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
            _ when char.IsWhiteSpace(c) => ' ',
            _ => c,
        }).ToArray();
        chars = SpacedRange.Replace(new string(chars), "$1-$2").ToCharArray(); // "8:00 - 20:00" as "8:00-20:00"
        var sb = new StringBuilder(chars.Length);
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (SentencePunctuation.Contains(c))
            {
                bool inside = i > 0 && i + 1 < chars.Length && char.IsLetterOrDigit(chars[i - 1]) && char.IsLetterOrDigit(chars[i + 1]);
                if (!inside) c = ' ';
            }
            if (c == ' ' && (sb.Length == 0 || sb[^1] == ' ')) continue;
            sb.Append(c);
        }
        return sb.ToString().TrimEnd();
    }
}
