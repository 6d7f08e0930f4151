using System.Net;
using System.Net.Http.Json;
using AssistantBuilder.Web.Assistants;
using AssistantBuilder.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AssistantBuilder.Web.FunctionalTests.Assistants;

/// <summary>/api/assistants: create, list, get, update, delete, validation naming fields, versions, promote, rollback, unpromote.</summary>
public sealed class AssistantsApiTests(AssistantsApp app) : AssistantsApiTests<AssistantsApp>(app);

/// <summary>The assistants API tests on the database of <typeparamref name="TApp"/> (SQLite, or PostgreSQL in <c>AssistantsApiPostgresTests</c>).</summary>
public abstract class AssistantsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AssistantsApp
{
    static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    async Task<AssistantView> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/assistants", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AssistantView>())!;
    }

    [Fact]
    public async Task An_assistant_is_created_with_defaults_listed_fetched_and_deleted()
    {
        var client = await app.SignedInClientAsync();
        var name = Unique("Support");
        var created = await CreateAsync(client, new { name, baseModelId = app.DefaultModelId() });
        Assert.Equal((name, "default"), (created.Name, created.BaseModelName));
        Assert.Equal(new GenerationSettings(), created.Generation);
        Assert.Null(created.ActiveVersionId);
        Assert.Empty(created.Versions);

        Assert.Contains((await client.GetFromJsonAsync<List<AssistantView>>("/api/assistants"))!, a => a.Id == created.Id);
        Assert.Equal(name, (await client.GetFromJsonAsync<AssistantView>($"/api/assistants/{created.Id}"))!.Name);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/assistants/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/assistants/{created.Id}")).StatusCode);
    }

    [Fact]
    public async Task Invalid_fields_are_named_in_a_validation_problem_and_nothing_is_stored()
    {
        var client = await app.SignedInClientAsync();
        var response = await client.PostAsJsonAsync("/api/assistants", new
        {
            name = " ",
            baseModelId = app.DefaultModelId(),
            generation = new { temperature = 3.5, topP = 1.5, maxTokens = 0, repetitionPenalty = 1.1 },
            widget = new { title = "Hi", welcomeMessage = "", primaryColor = "red", allowedOrigins = new[] { "https://ok.example.com", "https://shop.example.com/chat", "ftp://files.example.com", "shop.example.com" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        Assert.Equal(
            ["generation.maxTokens", "generation.temperature", "generation.topP", "name", "widget.allowedOrigins[1]", "widget.allowedOrigins[2]",
                "widget.allowedOrigins[3]", "widget.primaryColor"],
            problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Temperature", problem.Errors["generation.temperature"][0]);
        Assert.Contains("https://shop.example.com", problem.Errors["widget.allowedOrigins[1]"][0]);
        await using var db = app.CreateDb();
        Assert.DoesNotContain(db.Assistants, a => a.Name == " " || a.Name == "");

        var unknownModel = await client.PostAsJsonAsync("/api/assistants", new { name = Unique("X"), baseModelId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknownModel.StatusCode);
        Assert.Contains("No base model", (await unknownModel.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors["baseModelId"][0]);
    }

    [Fact]
    public async Task Update_changes_what_is_sent_keeps_the_rest_and_normalises_origins()
    {
        var client = await app.SignedInClientAsync();
        var created = await CreateAsync(client, new { name = Unique("Shop"), baseModelId = app.DefaultModelId(), systemPrompt = "Be brief." });
        var response = await client.PutAsJsonAsync($"/api/assistants/{created.Id}", new
        {
            generation = new { temperature = 0.2, topP = 0.5, maxTokens = 64, repetitionPenalty = 1.0 },
            widget = new { title = "Shop help", welcomeMessage = "Hello", primaryColor = "#FF0000", allowedOrigins = new[] { "HTTPS://Shop.Example.com:443/", "http://localhost:5173", "https://shop.example.com" } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = (await client.GetFromJsonAsync<AssistantView>($"/api/assistants/{created.Id}"))!;
        Assert.Equal((created.Name, "Be brief."), (updated.Name, updated.SystemPrompt));
        Assert.Equal(0.2, updated.Generation.Temperature);
        Assert.Equal(64, updated.Generation.MaxTokens);
        Assert.Equal(["https://shop.example.com", "http://localhost:5173"], updated.Widget.AllowedOrigins);
        Assert.Equal("#ff0000", updated.Widget.PrimaryColor);

        var bad = await client.PutAsJsonAsync($"/api/assistants/{created.Id}", new { generation = new { temperature = -1.0, topP = 0.5, maxTokens = 64, repetitionPenalty = 1.0 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(0.2, (await client.GetFromJsonAsync<AssistantView>($"/api/assistants/{created.Id}"))!.Generation.Temperature);
    }

    [Fact]
    public async Task Unknown_assistants_answer_404()
    {
        var client = await app.SignedInClientAsync();
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/assistants/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/assistants/{id}", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/assistants/{id}")).StatusCode);
        var promote = await client.PostAsync($"/api/assistants/{id}/rollback", null);
        Assert.Equal(HttpStatusCode.NotFound, promote.StatusCode);
        Assert.Contains(id.ToString(), (await promote.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Versions_from_completed_jobs_are_numbered_promoted_rolled_back_and_unpromoted()
    {
        var client = await app.SignedInClientAsync();
        var assistant = await CreateAsync(client, new { name = Unique("Tiny"), baseModelId = await app.TinyModelIdAsync() });
        var (job1, job2) = (await app.JobAsync("first run"), await app.JobAsync("second run"));

        var v1 = await AddVersionAsync(client, assistant.Id, job1, "baseline");
        var v2 = await AddVersionAsync(client, assistant.Id, job2, "more data");
        Assert.Equal((1, 2), (v1.Number, v2.Number));
        Assert.Equal(("first run", "baseline", false), (v1.JobName, v1.Notes, v1.Live));
        Assert.Equal(Path.Combine("jobs", job1.ToString("N")), v1.AdapterDir);

        var rollbackNothing = await client.PostAsync($"/api/assistants/{assistant.Id}/rollback", null);
        Assert.Equal(HttpStatusCode.Conflict, rollbackNothing.StatusCode);
        Assert.Contains("base model alone", await rollbackNothing.Content.ReadAsStringAsync());

        var promoted = await PostAsync(client, $"/api/assistants/{assistant.Id}/versions/{v2.Id}/promote");
        Assert.Equal((v2.Id, 2), (promoted.ActiveVersionId, promoted.ActiveVersionNumber));
        Assert.True(promoted.Versions.Single(v => v.Number == 2).Live);

        var rolledBack = await PostAsync(client, $"/api/assistants/{assistant.Id}/rollback");
        Assert.Equal(v1.Id, rolledBack.ActiveVersionId);
        var oldest = await client.PostAsync($"/api/assistants/{assistant.Id}/rollback", null);
        Assert.Equal(HttpStatusCode.Conflict, oldest.StatusCode);
        Assert.Contains("Version 1 is the oldest", await oldest.Content.ReadAsStringAsync());

        var unpromoted = await PostAsync(client, $"/api/assistants/{assistant.Id}/unpromote");
        Assert.Null(unpromoted.ActiveVersionId);
        Assert.All(unpromoted.Versions, v => Assert.False(v.Live));

        var duplicate = await client.PostAsJsonAsync($"/api/assistants/{assistant.Id}/versions", new { jobId = job1 });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("already version 1", await duplicate.Content.ReadAsStringAsync());

        var otherVersion = await client.PostAsync($"/api/assistants/{assistant.Id}/versions/{Guid.NewGuid()}/promote", null);
        Assert.Equal(HttpStatusCode.NotFound, otherVersion.StatusCode);

        var changeModel = await client.PutAsJsonAsync($"/api/assistants/{assistant.Id}", new { baseModelId = app.DefaultModelId() });
        Assert.Equal(HttpStatusCode.BadRequest, changeModel.StatusCode);
        Assert.Contains("baseModelId", (await changeModel.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors.Keys);

        var options = (await client.GetFromJsonAsync<List<CompletedJobOption>>($"/api/assistants/{assistant.Id}/jobs"))!;
        Assert.Equal(1, options.Single(o => o.Id == job1).UsedAsVersion);
        Assert.Null(options.Single(o => o.Id == job1).Problem);
    }

    [Fact]
    public async Task Creating_with_a_job_starts_at_version_1_live()
    {
        var client = await app.SignedInClientAsync();
        var job = await app.JobAsync("launch");
        var assistant = await CreateAsync(client, new { name = Unique("Launch"), baseModelId = await app.TinyModelIdAsync(), jobId = job });
        var version = Assert.Single(assistant.Versions);
        Assert.Equal((1, true, "launch"), (version.Number, version.Live, version.JobName));
        Assert.Equal(version.Id, assistant.ActiveVersionId);
    }

    [Fact]
    public async Task Jobs_that_cannot_give_a_version_are_refused_with_why()
    {
        var client = await app.SignedInClientAsync();
        var onDefault = await CreateAsync(client, new { name = Unique("Default"), baseModelId = app.DefaultModelId() });
        var tinyJob = await app.JobAsync("tiny run");
        var wrongModel = await client.PostAsJsonAsync($"/api/assistants/{onDefault.Id}/versions", new { jobId = tinyJob });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongModel.StatusCode);
        var detail = (await wrongModel.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!;
        Assert.Contains("fine-tuned 'tiny'", detail);
        Assert.Contains("uses 'default'", detail);

        var onTiny = await CreateAsync(client, new { name = Unique("Tiny"), baseModelId = await app.TinyModelIdAsync() });
        var running = await client.PostAsJsonAsync($"/api/assistants/{onTiny.Id}/versions", new { jobId = await app.JobAsync("busy", JobStatus.Running) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, running.StatusCode);
        Assert.Contains("is running; only a completed job", await running.Content.ReadAsStringAsync());

        var noAdapter = await client.PostAsJsonAsync($"/api/assistants/{onTiny.Id}/versions", new { jobId = await app.JobAsync("empty", withAdapter: false) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAdapter.StatusCode);
        Assert.Contains("missing adapter_config.json and adapter_model.safetensors", await noAdapter.Content.ReadAsStringAsync());

        var unknown = await client.PostAsJsonAsync($"/api/assistants/{onTiny.Id}/versions", new { jobId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var missing = await client.PostAsJsonAsync($"/api/assistants/{onTiny.Id}/versions", new { notes = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        var createWithWrongJob = await client.PostAsJsonAsync("/api/assistants", new { name = Unique("Nope"), baseModelId = app.DefaultModelId(), jobId = tinyJob });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, createWithWrongJob.StatusCode);
        await using var db = app.CreateDb();
        Assert.Empty(db.AdapterVersions.Where(v => v.AssistantId == onTiny.Id || v.AssistantId == onDefault.Id));
        Assert.DoesNotContain(db.Assistants, a => a.Name.StartsWith("Nope"));
    }

    static async Task<AdapterVersionView> AddVersionAsync(HttpClient client, Guid assistantId, Guid jobId, string notes)
    {
        var response = await client.PostAsJsonAsync($"/api/assistants/{assistantId}/versions", new { jobId, notes });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AdapterVersionView>())!;
    }

    static async Task<AssistantView> PostAsync(HttpClient client, string url)
    {
        var response = await client.PostAsync(url, null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AssistantView>())!;
    }
}
