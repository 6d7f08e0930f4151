namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// HF's Whitespace (keeps the matches of <c>\w+|[^\w\s]+</c>) and WhitespaceSplit (splits on whitespace, which is
/// removed) pre-tokenizers.
/// </summary>
internal sealed class WhitespacePreTokenizer(UnicodeRegex keep) : IPreTokenizer
{
    private static readonly Lazy<UnicodeRegex> Words = new(() => new UnicodeRegex(@"\w+|[^\w\s]+"));
    private static readonly Lazy<UnicodeRegex> NonSpace = new(() => new UnicodeRegex(@"\S+"));

    public static WhitespacePreTokenizer Whitespace() => new(Words.Value);

    public static WhitespacePreTokenizer WhitespaceSplit() => new(NonSpace.Value);

    public void PreTokenize(PreToken piece, List<PreToken> output) =>
        PieceSplitter.Split(piece, keep.Matches(piece.Text), SplitBehavior.Removed, true, output);
}
