using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Data;
using AssistantBuilder.Core.Storage;

namespace AssistantBuilder.Web.Assistants;

/// <summary>
/// Whether a training job's adapter can become a version of an assistant: the job completed, fine-tuned the
/// assistant's base model, and left a PEFT adapter (adapter_config.json + adapter_model.safetensors) at the root of
/// its output folder.
/// </summary>
public static class AdapterCheck
{
    /// <summary>Throws a 422 naming what is wrong; returns the adapter folder as the database stores it when usable.</summary>
    public static async Task<string> CheckAsync(TrainingJob job, Guid baseModelId, string baseModelName, IArtifactStore store, CancellationToken ct = default)
    {
        if (job.Status != JobStatus.Completed)
            throw Unusable($"Training job '{job.Name}' is {job.Status.ToString().ToLowerInvariant()}; only a completed job has an adapter to serve.");
        if (job.BaseModelId != baseModelId)
            throw Unusable($"Training job '{job.Name}' fine-tuned '{job.BaseModel?.Name ?? job.BaseModelId.ToString()}', but this assistant uses " +
                $"'{baseModelName}'; an adapter only fits the base model it was trained on.");
        string dir = await store.LocalPathOfAsync(job.OutputDir, ct);
        var missing = new[] { PeftAdapter.ConfigFile, PeftAdapter.WeightsFile }.Where(f => !File.Exists(Path.Combine(dir, f))).ToList();
        if (missing.Count > 0)
            throw Unusable($"Training job '{job.Name}' has no adapter in {job.OutputDir} (missing {string.Join(" and ", missing)}).");
        try { PeftAdapter.ReadConfig(dir); }
        catch (CheckpointException ex) { throw Unusable($"Training job '{job.Name}' left an adapter that cannot be read: {ex.Message.Replace(dir + Path.DirectorySeparatorChar, "")}"); }
        return job.OutputDir;
    }

    static AssistantRequestException Unusable(string message) => new(StatusCodes.Status422UnprocessableEntity, message);
}
