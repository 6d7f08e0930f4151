namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's Sequence normalizer: applies each normalizer in order.</summary>
internal sealed class SequenceNormalizer(IReadOnlyList<INormalizer> normalizers) : INormalizer
{
    public string Normalize(string text)
    {
        foreach (INormalizer normalizer in normalizers)
            text = normalizer.Normalize(text);
        return text;
    }
}
