namespace AssistantBuilder.Engine.Tokenization;

/// <summary>A tokenizer.json <c>post_processor</c>: adds special tokens around one encoded sequence.</summary>
internal interface IPostProcessor
{
    List<int> Process(List<int> ids);
}
