namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// HF's ByteLevel pre-tokenizer: on each piece, optionally prepend a space (only if the piece is non-empty and
/// does not already start with ' '), optionally split with the GPT-2 regex (Isolated), then rewrite every pre-token
/// as its UTF-8 bytes in the GPT-2 byte alphabet ("Ġ" for a space).
/// </summary>
internal sealed class ByteLevelPreTokenizer(bool addPrefixSpace, bool useRegex) : IPreTokenizer
{
    /// <summary>The GPT-2 regex HF hard-codes for <c>use_regex: true</c>.</summary>
    public const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    private static readonly Lazy<UnicodeRegex> Gpt2Regex = new(() => new UnicodeRegex(Gpt2Pattern));

    public void PreTokenize(PreToken piece, List<PreToken> output)
    {
        if (addPrefixSpace && piece.Text.Length > 0 && piece.Text[0] != ' ')
            piece = piece with { Text = " " + piece.Text };

        if (!useRegex)
        {
            AddMapped(piece, output);
            return;
        }
        var pieces = new List<PreToken>();
        PieceSplitter.Split(piece, Gpt2Regex.Value.Matches(piece.Text), SplitBehavior.Isolated, false, pieces);
        foreach (PreToken p in pieces)
            AddMapped(p, output);
    }

    private static void AddMapped(PreToken piece, List<PreToken> output)
    {
        if (piece.Text.Length > 0)
            output.Add(piece with { Text = ByteLevelAlphabet.Encode(piece.Text) });
    }
}
