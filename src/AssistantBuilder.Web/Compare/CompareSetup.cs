using System.Collections.Concurrent;
using AssistantBuilder.Core.Comparison;
using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Core.Serving;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Hosting;
using AssistantBuilder.Web.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace AssistantBuilder.Web.Compare;

/// <summary>
/// Builds the contestants for an assistant through <see cref="AssistantChats"/> (the only way the web reaches a model):
/// the fine-tuned one is the assistant as served (its live version, system prompt and settings); the prompted
/// baseline is the same base model with the assistant's system prompt and k few-shot examples per question from a
/// dataset; the external one is the configured (or given) OpenAI-compatible model.
/// </summary>
public sealed class CompareSetup(IDbContextFactory<AppDbContext> dbs, DataPaths paths, AssistantChats chats, IOptions<CompareOptions> options)
{
    readonly ConcurrentDictionary<Guid, FewShotSelector> _selectors = new();

    public bool ExternalConfigured => options.Value.ExternalModel() is not null;

    /// <summary>Greedy settings (held-out evaluation) when <paramref name="greedyMaxTokens"/> is set; else the assistant's own sampling.</summary>
    public async Task<CompareLineup> LineupAsync(Guid assistantId, Guid? examplesDatasetId, int fewShot, bool includeExternal, ExternalInput? external,
        int? greedyMaxTokens, CancellationToken ct = default)
    {
        if (fewShot is < 0 or > 16) throw new CompareRequestException("fewShot", "few-shot examples must be between 0 and 16");
        var served = await chats.FindAsync(assistantId, ct) ?? throw new CompareRequestException("assistantId", $"assistant {assistantId} not found", notFound: true);
        var assistant = served.Assistant;
        var tunedClient = served.Client.GetService<EngineChatClient>() ?? throw new InvalidOperationException("the assistant is not served by the local engine");
        var baseClient = (await chats.ServeAsync(assistant, useLiveVersion: false, ct: ct)).Client.GetService<EngineChatClient>()!;
        var selector = examplesDatasetId is Guid id ? await SelectorAsync(id, ct) : null;
        int maxTokens = greedyMaxTokens ?? assistant.Generation.MaxTokens;
        PromptExecutionSettings? local = greedyMaxTokens is int g ? LocalKernel.Greedy(g) : null;

        var contestants = new List<Contestant>
        {
            Contestant.LocalModel(served.Version is { } v ? $"{assistant.Name} v{v.Number} (fine-tuned)" : $"{assistant.Name} (no live version)",
                ContestantKind.FineTuned, tunedClient, local),
            Contestant.PromptedModel($"{served.Assistant.BaseModel!.Name} prompted ({(selector is null ? 0 : fewShot)}-shot)", baseClient,
                assistant.SystemPrompt, selector, fewShot, maxTokens, local),
        };
        if (includeExternal || external is not null)
        {
            var model = external is not null ? new ExternalModel(external.Endpoint, external.Model, external.ApiKey) : options.Value.ExternalModel()
                ?? throw new CompareRequestException("includeExternal", "no external model is configured (Compare:External:Endpoint and :Model) and none was given");
            if (model.Problem() is { } problem) throw new CompareRequestException("external", problem);
            var contestant = model.Contestant(maxTokens);
            if (greedyMaxTokens is null) contestant = new Contestant
            {
                Name = contestant.Name, Kind = contestant.Kind, Service = contestant.Service, Kernel = contestant.Kernel,
                Settings = new OpenAIPromptExecutionSettings { Temperature = assistant.Generation.Temperature, TopP = assistant.Generation.TopP, MaxTokens = maxTokens },
            };
            contestants.Add(contestant);
        }
        return new CompareLineup(assistant, served.Version, contestants);
    }

    async Task<FewShotSelector> SelectorAsync(Guid datasetId, CancellationToken ct)
    {
        if (_selectors.TryGetValue(datasetId, out var cached)) return cached;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var dataset = await db.Datasets.FindAsync([datasetId], ct) ?? throw new CompareRequestException("examplesDatasetId", $"dataset {datasetId} not found", notFound: true);
        var conversations = DatasetImporter.Import(paths.Resolve(dataset.StoredFile), new ImportOptions()).Conversations;
        return _selectors[datasetId] = FewShotSelector.FromConversations(conversations);
    }

    public async Task<IReadOnlyList<CompareChoice>> AssistantsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Assistants.OrderBy(a => a.Name).Select(a => new CompareChoice(a.Id, a.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<CompareChoice>> DatasetsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Datasets.OrderBy(d => d.Name).Select(d => new CompareChoice(d.Id, d.Name)).ToListAsync(ct);
    }

    /// <summary>The stored file of an uploaded dataset, for a held-out run.</summary>
    public async Task<(string Path, string Name)> DatasetFileAsync(Guid datasetId, string field, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var dataset = await db.Datasets.FindAsync([datasetId], ct) ?? throw new CompareRequestException(field, $"dataset {datasetId} not found", notFound: true);
        return (paths.Resolve(dataset.StoredFile), dataset.Name);
    }
}
