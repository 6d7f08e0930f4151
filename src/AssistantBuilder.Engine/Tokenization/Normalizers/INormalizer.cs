namespace AssistantBuilder.Engine.Tokenization;

/// <summary>A tokenizer.json <c>normalizer</c>: rewrites one piece of text before pre-tokenization.</summary>
internal interface INormalizer
{
    string Normalize(string text);
}
