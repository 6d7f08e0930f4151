namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's BPEDecoder: the end-of-word suffix becomes a space, or nothing in the last token.</summary>
internal sealed class BpeSuffixDecoder(string suffix) : IDecoder
{
    public List<string> DecodeChain(List<string> tokens) => tokens
        .Select((t, i) => t.Replace(suffix, i == tokens.Count - 1 ? "" : " ", StringComparison.Ordinal))
        .ToList();
}
