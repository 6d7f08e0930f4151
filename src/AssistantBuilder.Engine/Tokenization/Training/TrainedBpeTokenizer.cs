namespace AssistantBuilder.Engine.Tokenization.Training;

/// <summary>What training read and what the learned tokenizer makes of it.</summary>
/// <param name="Lines">Lines read from corpus files.</param>
/// <param name="Characters">Unicode characters (code points) of the corpus.</param>
/// <param name="Words">Pre-tokens of the corpus, with repeats.</param>
/// <param name="UniqueWords">Distinct pre-tokens.</param>
/// <param name="SpecialTokens">Special tokens found in the corpus.</param>
/// <param name="Tokens">Tokens the corpus encodes to with the learned merges.</param>
/// <param name="Seconds">Time spent counting words and learning merges.</param>
public sealed record BpeTrainingStatistics(
    long Lines, long Characters, long Words, long UniqueWords, long SpecialTokens, long Tokens, double Seconds)
{
    /// <summary>Characters per token on the corpus: how much the tokenizer compresses it.</summary>
    public double CharactersPerToken => Tokens == 0 ? 0 : (double)Characters / Tokens;
}

/// <summary>A trained byte-level BPE: the vocabulary by id, the merges by rank, and what it was trained on.</summary>
public sealed class TrainedBpeTokenizer
{
    internal TrainedBpeTokenizer(IReadOnlyList<string> vocab, IReadOnlyList<(string Left, string Right)> merges,
        IReadOnlyList<string> specialTokens, int modelMaxLength, BpeTrainingStatistics statistics)
    {
        Vocab = vocab;
        Merges = merges;
        SpecialTokens = specialTokens;
        ModelMaxLength = modelMaxLength;
        Statistics = statistics;
    }

    /// <summary>Token strings by id (GPT-2 byte alphabet): the special tokens, the 256 bytes, then merged tokens.</summary>
    public IReadOnlyList<string> Vocab { get; }

    /// <summary>The merges in rank order.</summary>
    public IReadOnlyList<(string Left, string Right)> Merges { get; }

    /// <summary>The special tokens, which have ids 0, 1, ...</summary>
    public IReadOnlyList<string> SpecialTokens { get; }

    public int ModelMaxLength { get; }

    public BpeTrainingStatistics Statistics { get; }

    /// <summary>The tokenizer.json text.</summary>
    public string ToTokenizerJson() => TokenizerFiles.TokenizerJson(this);

    /// <summary>
    /// Writes tokenizer.json, tokenizer_config.json (ChatML chat template, GPT2Tokenizer) and special_tokens_map.json
    /// into <paramref name="directory"/>, creating it if needed. Returns the tokenizer.json path.
    /// </summary>
    public string Save(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        string tokenizerJson = Path.Combine(directory, "tokenizer.json");
        File.WriteAllText(tokenizerJson, ToTokenizerJson());
        File.WriteAllText(Path.Combine(directory, "tokenizer_config.json"), TokenizerFiles.TokenizerConfigJson(this));
        File.WriteAllText(Path.Combine(directory, "special_tokens_map.json"), TokenizerFiles.SpecialTokensMapJson(this));
        return tokenizerJson;
    }
}
