using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.Datasets;

/// <summary>
/// Pages through a dataset's conversations as a base model will be trained on them: rendered with its chat
/// template, each turn split into trained and untrained text. The last few datasets read are kept in memory.
/// </summary>
public sealed class DatasetPreviewer(DatasetStore store, IDbContextFactory<AppDbContext> dbs, DataPaths paths, LabelMasks masks)
{
    public const int DefaultTake = 5;
    public const int MaxTake = 50;
    const int Remembered = 4;
    readonly LinkedList<(Guid Id, IReadOnlyList<Conversation> Conversations)> _recent = new();

    /// <summary>Null when the dataset does not exist.</summary>
    /// <exception cref="DatasetProblem">Bad paging (400), unknown model (404), unreadable tokenizer or template (422).</exception>
    public async Task<PreviewPage?> PreviewAsync(Guid datasetId, Guid? modelId, int skip, int take, CancellationToken ct = default)
    {
        if (skip < 0) throw DatasetProblem.BadRequest($"skip: {skip} is negative");
        if (take is < 1 or > MaxTake) throw DatasetProblem.BadRequest($"take: {take} is out of range; ask for 1 to {MaxTake} conversations");
        var model = await ModelAsync(modelId, ct);
        if (await ConversationsAsync(datasetId, ct) is not { } conversations) return null;
        Core.Training.LabelMaskPreview mask;
        try { mask = masks.For(paths.Resolve(model.Path)); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw DatasetProblem.Unusable($"model '{model.Name}': its tokenizer or chat template could not be read ({e.Message})");
        }
        var page = conversations.Skip(skip).Take(take).ToList();
        var labelled = await Task.Run(() => page.Select(mask.Label).ToList(), ct);
        return new PreviewPage(datasetId, model.Id, model.Name, mask.TemplateName, mask.EndOfTurnTokens, conversations.Count, skip, take, labelled);
    }

    async Task<BaseModel> ModelAsync(Guid? modelId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (modelId is Guid id)
            return await db.BaseModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct)
                ?? throw new DatasetProblem(StatusCodes.Status404NotFound, $"model: there is no base model {id}");
        return await DatasetModels.DefaultAsync(db, ct)
            ?? throw DatasetProblem.Unusable("model: no base model is registered to render the preview with; add one first");
    }

    async Task<IReadOnlyList<Conversation>?> ConversationsAsync(Guid id, CancellationToken ct)
    {
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            if (!await db.Datasets.AnyAsync(d => d.Id == id, ct)) return null; // deleted since it was remembered
        }
        lock (_recent)
        {
            if (_recent.FirstOrDefault(r => r.Id == id) is { Conversations: not null } hit) return hit.Conversations;
        }
        if (await store.ReadAsync(id, ct) is not { } read) return null;
        lock (_recent)
        {
            _recent.AddFirst((id, read.Import.Conversations));
            while (_recent.Count > Remembered) _recent.RemoveLast();
        }
        return read.Import.Conversations;
    }
}
