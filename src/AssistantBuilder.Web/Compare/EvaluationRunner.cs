using System.Collections.Concurrent;
using System.Text.Json;
using AssistantBuilder.Core.Comparison;
using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AssistantBuilder.Web.Compare;

/// <summary>
/// Held-out evaluations as background tasks, one at a time (a second start while one runs is refused), off the
/// request path. Each run is kept in memory while it runs and written to evaluations/{id}.json under the data
/// directory, so finished reports survive a restart. A run still going when the app stops is lost.
/// </summary>
public sealed class EvaluationRunner(CompareSetup setup, DataPaths paths, IOptions<CompareOptions> options, ILogger<EvaluationRunner> log,
    IHostApplicationLifetime lifetime)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };
    readonly ConcurrentDictionary<Guid, EvaluationRun> _runs = new();
    readonly SemaphoreSlim _one = new(1, 1);

    string Folder => Directory.CreateDirectory(Path.Combine(paths.Root, "evaluations")).FullName;
    string FileOf(Guid id) => Path.Combine(Folder, $"{id:N}.json");

    /// <summary>Starts a run; throws <see cref="CompareRequestException"/> for bad input, <see cref="InvalidOperationException"/> while another runs.</summary>
    public async Task<EvaluationRun> StartAsync(EvaluationInput input, CancellationToken ct = default)
    {
        if (input.Limit is < 1) throw new CompareRequestException("limit", "limit must be at least 1");
        if (input.Judge && !input.IncludeExternal && input.External is null) throw new CompareRequestException("judge", "the judge is the external model: include it");
        var (path, name) = await setup.DatasetFileAsync(input.EvalDatasetId, "evalDatasetId", ct);
        IReadOnlyList<EvalItem> items;
        try { items = EvalSet.Load(path, input.Facts is { Count: > 0 } f ? new KeyFacts(f) : null, input.Limit); }
        catch (DatasetException ex) { throw new CompareRequestException("evalDatasetId", ex.Message); }
        int maxTokens = options.Value.EvaluationMaxTokens;
        var lineup = await setup.LineupAsync(input.AssistantId, input.ExamplesDatasetId, input.FewShot, input.IncludeExternal, input.External, maxTokens, ct);
        var judge = input.Judge ? LlmJudge.For(ExternalOf(input)) : null;

        if (!_one.Wait(0)) throw new InvalidOperationException("an evaluation is already running; wait for it to finish");
        var run = new EvaluationRun(Guid.NewGuid(), lineup.Assistant.Id, lineup.Assistant.Name, lineup.Version?.Id, name, items.Count, DateTime.UtcNow);
        _runs[run.Id] = run;
        var stopping = lifetime.ApplicationStopping;
        _ = Task.Run(async () =>
        {
            try
            {
                var progress = new Progress<int>(n => _runs.AddOrUpdate(run.Id, run, (_, r) => r.State == EvaluationState.Running ? r with { Done = Math.Max(r.Done, n) } : r));
                var report = await HeldOutEvaluator.RunAsync(items, lineup.Contestants, new EvaluationOptions(maxTokens, judge), name, progress, stopping);
                Finish(run with { State = EvaluationState.Done, Done = items.Count, Report = report });
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "evaluation {Id} failed", run.Id);
                Finish(run with { State = EvaluationState.Failed, Error = ex.Message });
            }
            finally { _one.Release(); }
        }, CancellationToken.None);
        return run;
    }

    ExternalModel ExternalOf(EvaluationInput input) =>
        input.External is { } e ? new ExternalModel(e.Endpoint, e.Model, e.ApiKey) : options.Value.ExternalModel()!;

    void Finish(EvaluationRun run)
    {
        try { File.WriteAllText(FileOf(run.Id), JsonSerializer.Serialize(run, Json)); }
        catch (IOException ex) { log.LogWarning(ex, "could not store evaluation {Id}", run.Id); }
        _runs[run.Id] = run;
    }

    public bool Busy => _one.CurrentCount == 0;

    public EvaluationRun? Find(Guid id)
    {
        if (_runs.TryGetValue(id, out var run)) return run;
        var file = FileOf(id);
        if (!File.Exists(file)) return null;
        try { return _runs.GetOrAdd(id, JsonSerializer.Deserialize<EvaluationRun>(File.ReadAllText(file), Json)!); }
        catch (JsonException) { return null; }
    }

    /// <summary>Every run, newest first, without their reports.</summary>
    public IReadOnlyList<EvaluationRun> List()
    {
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json"))
            if (Guid.TryParseExact(Path.GetFileNameWithoutExtension(file), "N", out var id)) Find(id);
        return _runs.Values.Select(r => r with { Report = null }).OrderByDescending(r => r.CreatedAt).ToList();
    }

    public static string ToJson(EvaluationReport report) => JsonSerializer.Serialize(report, Json);
}
