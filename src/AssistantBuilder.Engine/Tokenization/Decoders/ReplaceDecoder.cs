namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's Replace decoder: the pattern replaced in each token (Llama 2: "▁" to " ").</summary>
internal sealed class ReplaceDecoder(TextPattern pattern, string content) : IDecoder
{
    public List<string> DecodeChain(List<string> tokens) => tokens.Select(t => pattern.ReplaceAll(t, content)).ToList();
}
