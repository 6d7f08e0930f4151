using System.Net.Http.Json;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Training;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantBuilder.Web.FunctionalTests.Training;

/// <summary>Registers a base model and a conversations dataset (file under datasets/) as rows, and waits on jobs.</summary>
static class JobTestData
{
    public static async Task<Guid> AddModelAsync(WebAppFactory app, string modelDir)
    {
        await using var db = app.CreateDb();
        var model = new BaseModel { Name = "tiny", Path = modelDir, Architecture = "LlamaForCausalLM", ContextLength = 256 };
        db.BaseModels.Add(model);
        await db.SaveChangesAsync();
        return model.Id;
    }

    /// <summary>2 × <paramref name="copies"/> short conversations (10 or more get a validation split).</summary>
    public static async Task<Guid> AddDatasetAsync(WebAppFactory app, int copies, string? content = null)
    {
        string stored = Path.Combine("datasets", $"{Guid.NewGuid():N}.jsonl");
        var lines = Enumerable.Range(0, copies).SelectMany(i => new[]
        {
            $$"""{"messages":[{"role":"user","content":"hi {{i}}"},{"role":"assistant","content":"hello"}]}""",
            $$"""{"messages":[{"role":"user","content":"name a colour {{i}}"},{"role":"assistant","content":"blue"}]}""",
        });
        await File.WriteAllTextAsync(Path.Combine(app.DataDir, stored), content ?? string.Join("\n", lines) + "\n");
        await using var db = app.CreateDb();
        var dataset = new Dataset { Name = "chats", Format = "openai", OriginalFileName = "chats.jsonl", StoredFile = stored, Conversations = copies * 2 };
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync();
        return dataset.Id;
    }

    public static async Task<JobDto> CreateJobAsync(HttpClient client, Guid modelId, Guid datasetId, TrainingSettings settings, string? name = null)
    {
        var response = await client.PostAsJsonAsync("/api/jobs", new CreateJobRequest(modelId, datasetId, name, settings));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JobDto>())!;
    }

    public static async Task<JobDto> GetJobAsync(HttpClient client, Guid id) => (await client.GetFromJsonAsync<JobDto>($"/api/jobs/{id}"))!;

    /// <summary>Polls the job until it satisfies <paramref name="condition"/> (fails the test after <paramref name="seconds"/>).</summary>
    public static async Task<JobDto> WaitForAsync(HttpClient client, Guid id, Func<JobDto, bool> condition, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var job = await GetJobAsync(client, id);
            if (condition(job)) return job;
            if (DateTime.UtcNow > deadline) Assert.Fail($"job {id} did not get there in {seconds} s: {job}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the status; a job that fails meanwhile fails the test with its error.</summary>
    public static async Task<JobDto> WaitForStatusAsync(HttpClient client, Guid id, JobStatus status, int seconds = 120)
    {
        var job = await WaitForAsync(client, id, j => j.Status == status || j.Status == JobStatus.Failed, seconds);
        Assert.True(job.Status == status, $"expected {status}: {job}");
        return job;
    }

    /// <summary>Completes when the app's job feed publishes an event that satisfies <paramref name="condition"/>.</summary>
    public static Task<JobEventDto> NextEventAsync(WebAppFactory app, Func<JobEventDto, bool> condition, int seconds = 120)
    {
        var feed = app.Services.GetRequiredService<JobEvents>();
        var seen = new TaskCompletionSource<JobEventDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(JobEventDto e)
        {
            if (condition(e) && seen.TrySetResult(e)) feed.EventAdded -= Handler;
        }
        feed.EventAdded += Handler;
        return seen.Task.WaitAsync(TimeSpan.FromSeconds(seconds));
    }

    public static async Task<List<JobEventDto>> EventsAsync(HttpClient client, Guid id, string? kind = null, long after = 0) =>
        (await client.GetFromJsonAsync<List<JobEventDto>>($"/api/jobs/{id}/events?after={after}{(kind is null ? "" : $"&kind={kind}")}"))!;
}
