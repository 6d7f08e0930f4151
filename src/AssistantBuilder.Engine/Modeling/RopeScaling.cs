namespace AssistantBuilder.Engine.Modeling;

/// <summary><c>rope_scaling</c> from config.json: "linear" or "llama3" (Llama 3.1/3.2), or none.</summary>
public sealed record RopeScaling(string Type, double Factor, double LowFreqFactor = 1, double HighFreqFactor = 4, int OriginalMaxPositionEmbeddings = 8192);
