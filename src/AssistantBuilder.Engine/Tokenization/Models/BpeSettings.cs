namespace AssistantBuilder.Engine.Tokenization;

/// <summary>The BPE model's switches from tokenizer.json (HF names in comments).</summary>
internal sealed record BpeSettings(
    string? UnkToken,                 // unk_token
    string? ContinuingSubwordPrefix,  // continuing_subword_prefix
    string? EndOfWordSuffix,          // end_of_word_suffix
    bool FuseUnk,                     // fuse_unk
    bool ByteFallback,                // byte_fallback
    bool IgnoreMerges);               // ignore_merges
