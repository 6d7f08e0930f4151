namespace AssistantBuilder.Engine.Tokenization;

/// <summary>The components read from a tokenizer.json, in HF's pipeline order.</summary>
internal sealed record TokenizerParts(
    AddedVocabulary AddedTokens,
    INormalizer? Normalizer,
    IPreTokenizer? PreTokenizer,
    BpeModel Model,
    IPostProcessor? PostProcessor,
    IDecoder? Decoder);
