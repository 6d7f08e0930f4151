namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// A tokenizer.json <c>decoder</c>, as HF's <c>decode_chain</c>: token strings in, strings out; the decoded text is
/// the concatenation of the final list.
/// </summary>
internal interface IDecoder
{
    List<string> DecodeChain(List<string> tokens);
}
