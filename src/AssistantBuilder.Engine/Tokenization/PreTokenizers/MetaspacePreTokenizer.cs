namespace AssistantBuilder.Engine.Tokenization;

/// <summary>When Metaspace prepends its replacement character.</summary>
internal enum PrependScheme
{
    Always,
    First,
    Never,
}

/// <summary>
/// HF's Metaspace pre-tokenizer: replace ' ' by the replacement ("▁"); prepend it when the piece does not start
/// with it (always, or with <c>first</c> only on the piece at the very start of the input, HF's
/// <c>offsets_original().0 == 0</c>; never on empty text); then, with <c>split: true</c>, cut before each
/// replacement character (MergedWithNext).
/// </summary>
internal sealed class MetaspacePreTokenizer(char replacement, PrependScheme scheme, bool split) : IPreTokenizer
{
    public void PreTokenize(PreToken piece, List<PreToken> output)
    {
        string text = piece.Text.Replace(' ', replacement);
        bool prepend = text.Length > 0 && text[0] != replacement &&
                       (scheme == PrependScheme.Always || (scheme == PrependScheme.First && piece.AtStart));
        if (prepend)
            text = replacement + text;

        piece = piece with { Text = text };
        if (!split)
        {
            if (text.Length > 0)
                output.Add(piece);
            return;
        }
        var matches = new List<(int, int)>();
        for (int i = text.IndexOf(replacement); i >= 0; i = text.IndexOf(replacement, i + 1))
            matches.Add((i, i + 1));
        PieceSplitter.Split(piece, matches, SplitBehavior.MergedWithNext, false, output);
    }
}
