using System.Globalization;
using System.Text;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// HF's pre-tokenizers that split on a per-character test: Digits (<c>char::is_numeric</c>: Isolated for
/// <c>individual_digits</c>, else Contiguous) and Punctuation (ASCII punctuation or a Unicode P* category).
/// Every matching character is its own match, as in HF's <c>Fn(char) -> bool</c> pattern.
/// </summary>
internal sealed class CharClassPreTokenizer(Func<Rune, bool> test, SplitBehavior behavior) : IPreTokenizer
{
    public static CharClassPreTokenizer Digits(bool individualDigits) =>
        new(IsNumeric, individualDigits ? SplitBehavior.Isolated : SplitBehavior.Contiguous);

    public static CharClassPreTokenizer Punctuation(SplitBehavior behavior) => new(IsPunctuation, behavior);

    public void PreTokenize(PreToken piece, List<PreToken> output)
    {
        var matches = new List<(int, int)>();
        string text = piece.Text;
        for (int i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out int length);
            if (test(rune))
                matches.Add((i, i + length));
            i += length;
        }
        PieceSplitter.Split(piece, matches, behavior, false, output);
    }

    private static bool IsNumeric(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    private static bool IsPunctuation(Rune rune) =>
        (rune.Value is > 0x20 and < 0x7F && !char.IsAsciiLetterOrDigit((char)rune.Value)) || Rune.IsPunctuation(rune);
}
