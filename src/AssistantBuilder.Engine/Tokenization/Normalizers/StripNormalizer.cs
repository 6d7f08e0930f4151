namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's Strip normalizer: trims whitespace on the left and/or right.</summary>
internal sealed class StripNormalizer(bool left, bool right) : INormalizer
{
    public string Normalize(string text) => (left, right) switch
    {
        (true, true) => text.Trim(),
        (true, false) => text.TrimStart(),
        (false, true) => text.TrimEnd(),
        _ => text,
    };
}
