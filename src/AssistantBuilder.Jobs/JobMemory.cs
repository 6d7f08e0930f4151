using AssistantBuilder.Core.Storage;
using AssistantBuilder.Core.Training;
using AssistantBuilder.Data;
using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Jobs;

/// <summary>
/// A LoRA job's peak memory, estimated before a worker takes it, so that a worker takes only the jobs that fit its
/// device: the frozen weights (bf16 on CUDA, fp32 on CPU), the activations autograd keeps for the backward pass (about
/// 34·h bytes per token and layer in 16-bit, Korthikanti et al. 2022, "Reducing Activation Recomputation in Large
/// Transformer Models", §4.1; twice that in fp32), the logits of the trained positions (fp32, with their gradient),
/// and on CUDA a fixed allowance for the context and allocator. An estimate, deliberately on the high side.
/// </summary>
public static class JobMemory
{
    const long CudaOverhead = 1L << 30;

    /// <summary>The job's estimated peak bytes on a device of <paramref name="deviceKind"/> ("cpu" or "cuda").</summary>
    public static long EstimateBytes(BaseModel model, TrainingSettings settings, string deviceKind, ModelConfig? config)
    {
        bool cuda = deviceKind == "cuda";
        long weights = model.Parameters * (cuda ? 2 : 4);
        int batch = settings.BatchSize ?? LoraDefaults.For(model.Parameters).BatchSize;
        long tokens = (long)batch * Math.Min(settings.MaxSeqLen, model.ContextLength > 0 ? model.ContextLength : settings.MaxSeqLen);
        long activations = config is null
            ? weights / 2 // no config to go by: half the weights again
            : tokens * config.NumHiddenLayers * 34L * config.HiddenSize * (cuda ? 1 : 2);
        long logits = config is null ? 0 : tokens * config.VocabSize * 4L * 2;
        return weights + activations + logits + (cuda ? CudaOverhead : 0);
    }

    /// <summary>
    /// Whether <paramref name="job"/> (with its base model loaded) fits a GPU <paramref name="device"/>. CPU workers take
    /// every job (RAM is not a hard limit, and a single-machine install must never leave a job waiting for a bigger
    /// worker that does not exist), as does a GPU whose memory is unknown.
    /// </summary>
    public static async Task<bool> FitsAsync(TrainingJob job, WorkerDevice device, IArtifactStore store, CancellationToken ct = default)
    {
        if (device.Kind != "cuda" || device.MemoryBytes is not long available || job.BaseModel is null) return true;
        return EstimateBytes(job.BaseModel, job.Settings, device.Kind, await ReadConfigAsync(store, job.BaseModel.Path, ct)) <= available;
    }

    /// <summary>The model's config.json, read through the store (an object store need not download the weights for it).</summary>
    static async Task<ModelConfig?> ReadConfigAsync(IArtifactStore store, string storedModel, CancellationToken ct)
    {
        try
        {
            await using var stream = await store.OpenFileAsync(storedModel, "config.json", ct);
            if (stream is null) return null;
            using var text = new StreamReader(stream);
            return ModelConfig.FromJson(await text.ReadToEndAsync(ct), "config.json");
        }
        catch (Exception ex) when (ex is CheckpointException or IOException or UnauthorizedAccessException or ArgumentException) { return null; } // estimated without it
    }
}
