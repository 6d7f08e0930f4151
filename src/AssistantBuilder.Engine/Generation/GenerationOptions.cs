namespace AssistantBuilder.Engine.Generation;

/// <summary>How to pick each next token and when to stop. Temperature 0 means greedy decoding.</summary>
public sealed record GenerationOptions
{
    public int MaxNewTokens { get; init; } = 256;
    public double Temperature { get; init; }
    /// <summary>Keep only the K most likely tokens; 0 disables.</summary>
    public int TopK { get; init; }
    /// <summary>Keep the smallest set of tokens whose probability reaches P (nucleus sampling); 1 disables.</summary>
    public double TopP { get; init; } = 1;
    /// <summary>HF's rule (Keskar et al. 2019): divide positive logits of seen tokens by R, multiply negative ones.</summary>
    public double RepetitionPenalty { get; init; } = 1;
    public long? Seed { get; init; }
    public IReadOnlyList<int> EosTokenIds { get; init; } = [];
    public IReadOnlyList<string> StopStrings { get; init; } = [];
    public bool UseKvCache { get; init; } = true;

    public bool IsGreedy => Temperature <= 0;

    public void Validate()
    {
        if (MaxNewTokens < 1) throw new ArgumentException($"max new tokens must be at least 1 (got {MaxNewTokens})");
        if (Temperature < 0 || double.IsNaN(Temperature)) throw new ArgumentException($"temperature must be 0 (greedy) or positive (got {Temperature})");
        if (TopK < 0) throw new ArgumentException($"top-k must be 0 (off) or positive (got {TopK})");
        if (!(TopP > 0 && TopP <= 1)) throw new ArgumentException($"top-p must be in (0, 1] (got {TopP})");
        if (!(RepetitionPenalty > 0)) throw new ArgumentException($"repetition penalty must be positive (got {RepetitionPenalty})");
    }
}
