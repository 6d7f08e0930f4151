namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's Fuse decoder: all tokens joined into one (so a following Strip sees the whole text).</summary>
internal sealed class FuseDecoder : IDecoder
{
    public List<string> DecodeChain(List<string> tokens) => [string.Concat(tokens)];
}
