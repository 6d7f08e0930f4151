using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Testing;
using AssistantBuilder.Data;

namespace AssistantBuilder.Web.FunctionalTests.Assistants;

/// <summary>
/// The app with a tiny base model registered and a real PEFT adapter for it (LoRA on the tiny model, saved by the
/// engine), from which tests make completed training jobs.
/// </summary>
public class AssistantsApp : WebAppFactory
{
    readonly TinyModel _tiny = TinyModel.Create();
    readonly string _adapter;
    readonly Lazy<Task<(Guid Model, Guid Dataset)>> _seed;

    public AssistantsApp()
    {
        _adapter = Path.Combine(_tiny.Directory, "adapter");
        var lora = new LoraConfig { R = 2, LoraAlpha = 4, LoraDropout = 0 };
        using (var model = ModelLoader.Load(_tiny.Directory, lora: lora)) PeftAdapter.Save(model, _adapter, lora);
        _seed = new(SeedAsync);
    }

    async Task<(Guid, Guid)> SeedAsync()
    {
        await using var db = CreateDb();
        var model = new BaseModel { Name = "tiny", Path = _tiny.Directory, Source = ModelSource.Pulled, Architecture = "LlamaForCausalLM" };
        var dataset = new Dataset { Name = "chats", Format = "openai", OriginalFileName = "chats.jsonl", StoredFile = "datasets/chats.jsonl" };
        db.AddRange(model, dataset);
        await db.SaveChangesAsync();
        return (model.Id, dataset.Id);
    }

    public async Task<Guid> TinyModelIdAsync() => (await _seed.Value).Model;

    public Guid DefaultModelId()
    {
        using var db = CreateDb();
        return db.BaseModels.Single(m => m.Name == "default").Id;
    }

    /// <summary>A training job row on <paramref name="baseModelId"/> (the tiny model by default), with the adapter at its output root unless told not to.</summary>
    public async Task<Guid> JobAsync(string name, JobStatus status = JobStatus.Completed, Guid? baseModelId = null, bool withAdapter = true)
    {
        var (model, dataset) = await _seed.Value;
        var id = Guid.NewGuid();
        string output = Path.Combine("jobs", id.ToString("N"));
        if (withAdapter)
        {
            Directory.CreateDirectory(Path.Combine(DataDir, output));
            foreach (var f in Directory.EnumerateFiles(_adapter)) File.Copy(f, Path.Combine(DataDir, output, Path.GetFileName(f)));
        }
        await using var db = CreateDb();
        db.TrainingJobs.Add(new TrainingJob
        {
            Id = id, Name = name, BaseModelId = baseModelId ?? model, DatasetId = dataset, Status = status, OutputDir = output,
            FinishedAt = status == JobStatus.Completed ? DateTime.UtcNow : null,
        });
        await db.SaveChangesAsync();
        return id;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _tiny.Dispose();
    }
}
