namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's Lowercase normalizer (Unicode lower-casing, culture independent).</summary>
internal sealed class LowercaseNormalizer : INormalizer
{
    public string Normalize(string text) => text.ToLowerInvariant();
}
