namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// HF's Split pre-tokenizer (Qwen2, Llama 3, SmolLM2 put their GPT-style regex here with
/// <c>behavior: Isolated, invert: false</c>).
/// </summary>
internal sealed class SplitPreTokenizer(TextPattern pattern, SplitBehavior behavior, bool invert) : IPreTokenizer
{
    public void PreTokenize(PreToken piece, List<PreToken> output) =>
        PieceSplitter.Split(piece, pattern.Matches(piece.Text), behavior, invert, output);
}
