namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's Sequence decoder: each decoder's output is the next one's input.</summary>
internal sealed class SequenceDecoder(IReadOnlyList<IDecoder> decoders) : IDecoder
{
    public List<string> DecodeChain(List<string> tokens)
    {
        foreach (IDecoder decoder in decoders)
            tokens = decoder.DecodeChain(tokens);
        return tokens;
    }
}
