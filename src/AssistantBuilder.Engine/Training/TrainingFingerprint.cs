using System.Security.Cryptography;
using System.Text.Json;

namespace AssistantBuilder.Engine.Training;

/// <summary>What must not change between a checkpoint and its resumption: hyperparameters, weights layout and data.</summary>
public sealed record TrainingFingerprint(string Options, string Weights, string Data)
{
    public static TrainingFingerprint Of(TrainOptions options, string weights, IReadOnlyList<TrainingExample> train, IReadOnlyList<TrainingExample> validation) =>
        new(JsonSerializer.Serialize(options), weights, Hash(train.Concat(validation)));

    static string Hash(IEnumerable<TrainingExample> examples)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var e in examples)
        {
            sha.AppendData(BitConverter.GetBytes(e.Length));
            foreach (int id in e.InputIds) sha.AppendData(BitConverter.GetBytes(id));
            foreach (int label in e.Labels) sha.AppendData(BitConverter.GetBytes(label));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>Why a checkpoint made under <paramref name="saved"/> cannot continue under this fingerprint, or null.</summary>
    public string? Mismatch(TrainingFingerprint saved) =>
        saved.Options != Options ? $"the hyperparameters differ (checkpoint: {saved.Options}; now: {Options})"
        : saved.Weights != Weights ? "the LoRA settings or model layout differ from the checkpoint's"
        : saved.Data != Data ? "the training or validation data changed since the checkpoint"
        : null;
}
