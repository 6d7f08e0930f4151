using System.ComponentModel.DataAnnotations;

namespace AssistantBuilder.Data;

/// <summary>How an assistant samples its answers.</summary>
public sealed record GenerationSettings
{
    [Range(0.0, 2.0)] public double Temperature { get; init; } = 0.7;
    [Range(0.0, 1.0)] public double TopP { get; init; } = 0.9;
    [Range(1, 8192)] public int MaxTokens { get; init; } = 256;
    [Range(1.0, 2.0)] public double RepetitionPenalty { get; init; } = 1.1;
}
