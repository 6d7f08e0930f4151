namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// HF's Prepend normalizer (Llama 2 / Mistral: <c>Prepend("▁")</c>). HF prepends only to non-empty text, and since
/// normalizers run on each piece between added tokens, every such piece gets its own prefix.
/// </summary>
internal sealed class PrependNormalizer(string prefix) : INormalizer
{
    public string Normalize(string text) => text.Length == 0 ? text : prefix + text;
}
