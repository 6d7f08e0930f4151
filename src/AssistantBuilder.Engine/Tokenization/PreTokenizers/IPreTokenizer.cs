namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// A tokenizer.json <c>pre_tokenizer</c>: cuts one piece into pre-tokens. As in HF, empty pre-tokens are dropped,
/// and each pre-token is encoded by the model on its own.
/// </summary>
internal interface IPreTokenizer
{
    void PreTokenize(PreToken piece, List<PreToken> output);
}
