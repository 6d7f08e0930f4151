namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's Sequence post-processor: each processor in order (e.g. Llama 3's ByteLevel then TemplateProcessing).</summary>
internal sealed class SequencePostProcessor(IReadOnlyList<IPostProcessor> processors) : IPostProcessor
{
    public List<int> Process(List<int> ids)
    {
        foreach (IPostProcessor processor in processors)
            ids = processor.Process(ids);
        return ids;
    }
}
