using System.ComponentModel.DataAnnotations;
using AssistantBuilder.Data;
using Microsoft.Extensions.AI;

namespace AssistantBuilder.Web.Playground;

/// <summary>Sampling settings for one playground session, starting from the assistant's and overriding them.</summary>
public sealed record PlaygroundSettings
{
    [Range(0.0, 2.0)] public double Temperature { get; init; } = 0.7;
    [Range(0.01, 1.0)] public double TopP { get; init; } = 0.9;
    [Range(1, 8192)] public int MaxTokens { get; init; } = 256;
    /// <summary>Null: a new random seed per answer.</summary>
    public long? Seed { get; init; }

    public static PlaygroundSettings From(GenerationSettings g) => new() { Temperature = g.Temperature, TopP = g.TopP, MaxTokens = g.MaxTokens };

    public ChatOptions ToChatOptions() => new() { Temperature = (float)Temperature, TopP = (float)TopP, MaxOutputTokens = MaxTokens, Seed = Seed };
}
