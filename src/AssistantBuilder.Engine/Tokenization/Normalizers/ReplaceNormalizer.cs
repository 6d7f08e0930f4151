namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's Replace normalizer: every match of a literal or regex pattern becomes <c>content</c>.</summary>
internal sealed class ReplaceNormalizer(TextPattern pattern, string content) : INormalizer
{
    public string Normalize(string text) => pattern.ReplaceAll(text, content);
}
