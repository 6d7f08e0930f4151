using System.Text.Json;

namespace AssistantBuilder.Engine.Training;

/// <summary>
/// Where a run stands, saved with each checkpoint next to the adapter and optimizer state: enough to continue
/// the same run (same data order, same random stream) as if it had never stopped.
/// </summary>
public sealed record TrainerState
{
    public int Step { get; init; }
    public int Epoch { get; init; }
    public int BatchInEpoch { get; init; }
    public string RngState { get; init; } = "";   // torch's CPU generator state, base64
    public double? BestEvalLoss { get; init; }
    public double? LastEvalLoss { get; init; }
    public int EvalsWithoutImprovement { get; init; }
    public long TrainedTokens { get; init; }
    public double LossSum { get; init; }
    public int LossCount { get; init; }
    public TrainingFingerprint? Fingerprint { get; init; }

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static TrainerState Load(string path) => JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(path))
        ?? throw new InvalidDataException($"{path}: empty trainer state");
}
