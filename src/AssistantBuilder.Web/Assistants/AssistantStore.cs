using AssistantBuilder.Data;
using AssistantBuilder.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.Assistants;

/// <summary>
/// Assistants and their adapter versions: create, update, delete; add a version from a completed training job;
/// promote one, roll back to the previous one, or unpromote (serve the base model alone). Used by the API and the pages.
/// </summary>
public sealed class AssistantStore(IDbContextFactory<AppDbContext> dbs, IArtifactStore artifacts)
{
    public async Task<IReadOnlyList<AssistantView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Assistants.AsNoTracking().Include(a => a.BaseModel).Include(a => a.Versions).ToListAsync(ct);
        var jobs = await JobNamesAsync(db, rows.SelectMany(a => a.Versions), ct);
        return rows.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(a => View(a, jobs)).ToList();
    }

    public async Task<AssistantView> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ViewAsync(db, await LoadAsync(db, id, ct), ct);
    }

    public async Task<AssistantView> CreateAsync(AssistantInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var assistant = new Assistant { Name = input.Name?.Trim() ?? "" };
        var model = await ApplyAsync(db, assistant, input, ct);
        db.Assistants.Add(assistant);
        if (input.JobId is { } jobId)
        {
            var version = await NewVersionAsync(db, assistant, model, jobId, "", ct);
            assistant.Versions.Add(version);
            assistant.ActiveVersionId = version.Id;
        }
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, assistant, ct);
    }

    public async Task<AssistantView> UpdateAsync(Guid id, AssistantInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var assistant = await LoadAsync(db, id, ct);
        if (input.JobId is not null)
            throw AssistantRequestException.Invalid("jobId", "jobId is for creating an assistant; add a version with POST /api/assistants/{id}/versions.");
        await ApplyAsync(db, assistant, input with { Name = input.Name ?? assistant.Name }, ct);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, assistant, ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.Assistants.Remove(await LoadAsync(db, id, ct));
        await db.SaveChangesAsync(ct);
    }

    public async Task<AdapterVersionView> AddVersionAsync(Guid id, VersionInput input, CancellationToken ct = default)
    {
        if (input.JobId is not { } jobId) throw AssistantRequestException.Invalid("jobId", "jobId is required: the completed training job whose adapter to add.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var assistant = await LoadAsync(db, id, ct);
        var version = await NewVersionAsync(db, assistant, assistant.BaseModel!, jobId, input.Notes?.Trim() ?? "", ct);
        db.AdapterVersions.Add(version);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw AssistantRequestException.Conflict($"Another version {version.Number} was added at the same time; try again."); }
        return AdapterVersionView.From(version, assistant.ActiveVersionId, (await db.TrainingJobs.FindAsync([jobId], ct))?.Name);
    }

    public async Task<AssistantView> PromoteAsync(Guid id, Guid versionId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var assistant = await LoadAsync(db, id, ct);
        var version = assistant.Versions.FirstOrDefault(v => v.Id == versionId) ?? throw AssistantRequestException.NotFound($"version of '{assistant.Name}'", versionId);
        assistant.ActiveVersionId = version.Id;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, assistant, ct);
    }

    /// <summary>Promotes the version numbered just below the live one.</summary>
    public async Task<AssistantView> RollbackAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var assistant = await LoadAsync(db, id, ct);
        var live = assistant.Versions.FirstOrDefault(v => v.Id == assistant.ActiveVersionId)
            ?? throw AssistantRequestException.Conflict($"'{assistant.Name}' serves its base model alone; there is no version to roll back from.");
        var previous = assistant.Versions.Where(v => v.Number < live.Number).MaxBy(v => v.Number)
            ?? throw AssistantRequestException.Conflict($"Version {live.Number} is the oldest; to serve the base model alone, unpromote it.");
        assistant.ActiveVersionId = previous.Id;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, assistant, ct);
    }

    public async Task<AssistantView> UnpromoteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var assistant = await LoadAsync(db, id, ct);
        assistant.ActiveVersionId = null;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, assistant, ct);
    }

    /// <summary>The completed jobs on a base model, newest first, each with why it cannot become a version of this assistant (if it cannot).</summary>
    public async Task<IReadOnlyList<CompletedJobOption>> CompletedJobsAsync(Guid baseModelId, Guid? assistantId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var model = await db.BaseModels.FindAsync([baseModelId], ct) ?? throw AssistantRequestException.NotFound("base model", baseModelId);
        var jobs = await db.TrainingJobs.AsNoTracking().Include(j => j.BaseModel)
            .Where(j => j.Status == JobStatus.Completed && j.BaseModelId == baseModelId).ToListAsync(ct);
        var used = assistantId is { } aid
            ? await db.AdapterVersions.Where(v => v.AssistantId == aid && v.JobId != null).ToDictionaryAsync(v => v.JobId!.Value, v => v.Number, ct)
            : [];
        var options = new List<CompletedJobOption>();
        foreach (var j in jobs.OrderByDescending(j => j.FinishedAt ?? j.CreatedAt))
        {
            string? problem = null;
            try { await AdapterCheck.CheckAsync(j, baseModelId, model.Name, artifacts, ct); }
            catch (AssistantRequestException ex) { problem = ex.Message; }
            options.Add(new CompletedJobOption(j.Id, j.Name, j.BaseModel?.Name ?? "", j.FinishedAt, j.EvalLoss, j.TrainLoss,
                used.TryGetValue(j.Id, out int n) ? n : null, problem));
        }
        return options;
    }

    // Validates the input and copies it onto the assistant; returns its base model.
    async Task<BaseModel> ApplyAsync(AppDbContext db, Assistant assistant, AssistantInput input, CancellationToken ct)
    {
        string name = input.Name?.Trim() ?? "";
        var errors = AssistantValidation.Validate(name, input.SystemPrompt ?? assistant.SystemPrompt, input.Generation ?? assistant.Generation,
            input.Widget ?? assistant.Widget, out var widget);
        BaseModel? model = null;
        var baseModelId = input.BaseModelId ?? (assistant.BaseModelId == Guid.Empty ? null : assistant.BaseModelId);
        if (baseModelId is not { } mid) errors["baseModelId"] = ["A base model is required."];
        else if ((model = await db.BaseModels.FindAsync([mid], ct)) is null) errors["baseModelId"] = [$"No base model with id {mid}."];
        else if (assistant.BaseModelId != Guid.Empty && mid != assistant.BaseModelId && assistant.Versions.Count > 0)
            errors["baseModelId"] = [$"'{assistant.Name}' has adapter versions trained on '{assistant.BaseModel?.Name}'; they do not fit another base model, so create a new assistant instead."];
        if (name.Length > 0 && await db.Assistants.AnyAsync(a => a.Id != assistant.Id && a.Name == name, ct))
            errors["name"] = [$"An assistant named '{name}' already exists."];
        if (errors.Count > 0)
            throw new AssistantRequestException(StatusCodes.Status400BadRequest, "The assistant has invalid fields: " + string.Join(", ", errors.Keys), errors);

        assistant.Name = name;
        assistant.BaseModelId = model!.Id;
        assistant.BaseModel = model;
        assistant.SystemPrompt = input.SystemPrompt ?? assistant.SystemPrompt;
        assistant.Generation = input.Generation ?? assistant.Generation;
        assistant.Widget = widget;
        return model;
    }

    async Task<AdapterVersion> NewVersionAsync(AppDbContext db, Assistant assistant, BaseModel model, Guid jobId, string notes, CancellationToken ct)
    {
        var job = await db.TrainingJobs.Include(j => j.BaseModel).FirstOrDefaultAsync(j => j.Id == jobId, ct)
            ?? throw AssistantRequestException.NotFound("training job", jobId);
        string dir = await AdapterCheck.CheckAsync(job, model.Id, model.Name, artifacts, ct);
        if (assistant.Versions.FirstOrDefault(v => v.JobId == jobId) is { } existing)
            throw AssistantRequestException.Conflict($"Training job '{job.Name}' is already version {existing.Number} of '{assistant.Name}'.");
        return new AdapterVersion
        {
            AssistantId = assistant.Id, Number = assistant.Versions.Select(v => v.Number).DefaultIfEmpty().Max() + 1, JobId = job.Id,
            AdapterDir = dir, Notes = notes,
        };
    }

    static async Task<Assistant> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Assistants.Include(a => a.BaseModel).Include(a => a.Versions).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw AssistantRequestException.NotFound("assistant", id);

    static async Task<AssistantView> ViewAsync(AppDbContext db, Assistant a, CancellationToken ct) => View(a, await JobNamesAsync(db, a.Versions, ct));

    static async Task<Dictionary<Guid, string>> JobNamesAsync(AppDbContext db, IEnumerable<AdapterVersion> versions, CancellationToken ct)
    {
        var ids = versions.Where(v => v.JobId is not null).Select(v => v.JobId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.TrainingJobs.Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Name, ct);
    }

    static AssistantView View(Assistant a, Dictionary<Guid, string> jobNames)
    {
        var versions = a.Versions.OrderByDescending(v => v.Number)
            .Select(v => AdapterVersionView.From(v, a.ActiveVersionId, v.JobId is { } j && jobNames.TryGetValue(j, out var n) ? n : null)).ToList();
        return new AssistantView(a.Id, a.Name, a.BaseModelId, a.BaseModel?.Name ?? "", a.SystemPrompt, a.Generation, a.Widget, a.ActiveVersionId,
            versions.FirstOrDefault(v => v.Live)?.Number, a.CreatedAt, versions);
    }
}
