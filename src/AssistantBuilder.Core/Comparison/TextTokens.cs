using System.Text.RegularExpressions;

namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// The word tokens that similarity and the answer metrics count: maximal runs of letters and digits, lower-cased
/// (invariant culture). Punctuation and symbols separate words and are dropped, so "€19.99/month" is "19", "99",
/// "month". Simple and language-neutral enough for the answers this compares.
/// </summary>
public static partial class TextTokens
{
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    public static IReadOnlyList<string> Words(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
}
