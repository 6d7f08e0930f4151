namespace AssistantBuilder.Engine.Tokenization;

/// <summary>One entry of tokenizer.json's <c>added_tokens</c>, with HF's matching options.</summary>
internal sealed record AddedToken(
    int Id,
    string Content,
    bool Special,
    bool SingleWord,
    bool LStrip,
    bool RStrip,
    bool Normalized);
