using System.Globalization;
using System.Text;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// Splits text on a set of added tokens the way HF's <c>AddedVocabulary::find_matches</c> does: an Aho-Corasick
/// search with <c>MatchKind::LeftmostLongest</c> (earliest start wins, then the longest token), non-overlapping,
/// and the search resumes after each reported match even when single_word discards it. Then lstrip/rstrip widen a
/// kept match over neighbouring whitespace, and single_word drops matches glued to word characters.
/// Microsoft.ML.Tokenizers splits special tokens with a regex alternation, which has neither the longest-match
/// rule nor these options, so this part is written by hand.
/// </summary>
internal sealed class AddedTokenMatcher
{
    private sealed class Node
    {
        public Dictionary<char, Node>? Children;
        public AddedToken? Token;
    }

    private readonly Node _root = new();

    public AddedTokenMatcher(IEnumerable<AddedToken> tokens)
    {
        foreach (AddedToken token in tokens)
            if (token.Content.Length > 0)
                Insert(token);
    }

    public bool IsEmpty => _root.Children is null;

    private void Insert(AddedToken token)
    {
        Node node = _root;
        foreach (char c in token.Content)
        {
            node.Children ??= new Dictionary<char, Node>();
            if (!node.Children.TryGetValue(c, out Node? child))
                node.Children[c] = child = new Node();
            node = child;
        }
        node.Token ??= token; // the first token with this content keeps it, as HF's first pattern does
    }

    /// <summary>Splits <paramref name="piece"/> into added tokens and the text between them (empty text dropped).</summary>
    public void Split(TextSplit piece, List<TextSplit> output)
    {
        string text = piece.Text;
        if (IsEmpty)
        {
            if (text.Length > 0)
                output.Add(piece);
            return;
        }

        int keptUpTo = 0; // HF's start_offset
        int searchFrom = 0;
        while (FindLeftmostLongest(text, searchFrom) is (int start, int end, AddedToken token))
        {
            searchFrom = end;
            if (token.SingleWord && !IsSingleWord(text, start, end))
                continue;
            if (token.LStrip)
                start = Math.Max(StartOfTrailingWhitespace(text, start), keptUpTo);
            if (token.RStrip)
                end = EndOfLeadingWhitespace(text, end);
            if (keptUpTo < start)
                AddText(piece, keptUpTo, start, output);
            output.Add(new TextSplit(text[start..end], token.Id, false));
            keptUpTo = end;
        }
        if (keptUpTo < text.Length)
            AddText(piece, keptUpTo, text.Length, output);
    }

    private static void AddText(TextSplit piece, int start, int end, List<TextSplit> output) =>
        output.Add(new TextSplit(piece.Text[start..end], null, piece.AtStart && start == 0));

    private (int Start, int End, AddedToken Token)? FindLeftmostLongest(string text, int from)
    {
        for (int start = from; start < text.Length; start++)
        {
            if (!_root.Children!.ContainsKey(text[start]))
                continue;
            if (LongestAt(text, start) is (int end, AddedToken token))
                return (start, end, token);
        }
        return null;
    }

    private (int End, AddedToken Token)? LongestAt(string text, int start)
    {
        (int, AddedToken)? best = null;
        Node node = _root;
        for (int i = start; i < text.Length; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(text[i], out Node? next))
                break;
            node = next;
            if (node.Token is not null)
                best = (i + 1, node.Token);
        }
        return best;
    }

    // HF: the text before must not end with \w and the text after must not start with \w.
    private static bool IsSingleWord(string text, int start, int end) =>
        (start == 0 || !IsWordRune(Rune.GetRuneAt(text, PreviousRuneStart(text, start)))) &&
        (end == text.Length || !IsWordRune(Rune.GetRuneAt(text, end)));

    private static int PreviousRuneStart(string text, int index) =>
        index >= 2 && char.IsLowSurrogate(text[index - 1]) && char.IsHighSurrogate(text[index - 2]) ? index - 2 : index - 1;

    // Rust regex's Unicode \w: alphabetic, marks, decimal digits, connector punctuation, join controls.
    private static bool IsWordRune(Rune rune)
    {
        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        return Rune.IsLetter(rune) || rune.Value is 0x200C or 0x200D || category is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.LetterNumber;
    }

    // HF's `\s*$` on text[..index]: where the run of whitespace just before index begins.
    private static int StartOfTrailingWhitespace(string text, int index)
    {
        while (index > 0 && char.IsWhiteSpace(text[index - 1]))
            index--;
        return index;
    }

    // HF's `^\s*` on text[index..]: where the run of whitespace starting at index ends.
    private static int EndOfLeadingWhitespace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
            index++;
        return index;
    }
}
