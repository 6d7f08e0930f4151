namespace AssistantBuilder.Engine.Tokenization.Training;

/// <summary>What <see cref="BpeTrainer"/> learns: a byte-level BPE in the shape of SmolLM2's and Llama 3's tokenizers.</summary>
public sealed record BpeTrainerOptions
{
    /// <summary>
    /// The Split regex the trained tokenizer.json carries and training pre-tokenizes with (Llama 3's, i.e. GPT-4's
    /// cl100k pattern as HF writes it): contractions, words with one leading non-letter, numbers of up to three
    /// digits, punctuation runs, newline runs and spaces, a space staying with the word after it.
    /// </summary>
    public const string SplitPattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>The ChatML special tokens of SmolLM2's chat models, which take ids 0, 1 and 2.</summary>
    public static IReadOnlyList<string> ChatMlSpecialTokens { get; } = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"];

    /// <summary>The vocabulary size to reach, counting the special tokens and the 256 byte tokens.</summary>
    public required int VocabSize { get; init; }

    /// <summary>A pair seen fewer times than this is never merged (training stops there). HF's ByteLevelBPETokenizer uses 2.</summary>
    public long MinFrequency { get; init; } = 2;

    /// <summary>Added as special tokens with the first ids, in this order; never split in the corpus nor learned as text.</summary>
    public IReadOnlyList<string> SpecialTokens { get; init; } = ChatMlSpecialTokens;

    /// <summary>Read at most this many lines of the corpus, all files together (null: all).</summary>
    public long? MaxLines { get; init; }

    /// <summary><c>model_max_length</c> written to tokenizer_config.json (SmolLM2's is 8192).</summary>
    public int ModelMaxLength { get; init; } = 8192;

    /// <summary>The 256 byte tokens.</summary>
    public const int ByteAlphabetSize = 256;

    /// <summary>Throws <see cref="ArgumentException"/> with a message that names the bad setting.</summary>
    public void Validate()
    {
        if (SpecialTokens is null)
            throw new ArgumentException("special tokens must be a list (it may be empty).");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string token in SpecialTokens)
        {
            if (string.IsNullOrEmpty(token))
                throw new ArgumentException("a special token cannot be empty.");
            if (!seen.Add(token))
                throw new ArgumentException($"special token '{token}' is listed twice.");
        }
        int minimum = ByteAlphabetSize + SpecialTokens.Count;
        if (VocabSize < minimum)
            throw new ArgumentException(
                $"vocab size {VocabSize} is too small: it must hold the {ByteAlphabetSize} byte tokens and the {SpecialTokens.Count} special tokens, so at least {minimum}.");
        if (MinFrequency < 1)
            throw new ArgumentException($"min frequency must be at least 1 (got {MinFrequency}).");
        if (MaxLines is < 1)
            throw new ArgumentException($"max lines must be at least 1 (got {MaxLines}).");
        if (ModelMaxLength < 1)
            throw new ArgumentException($"model max length must be at least 1 (got {ModelMaxLength}).");
    }
}
