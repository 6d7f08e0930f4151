namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's ByteLevel post-processor: it only trims offsets, so ids pass through unchanged.</summary>
internal sealed class NoOpPostProcessor : IPostProcessor
{
    public List<int> Process(List<int> ids) => ids;
}
