using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssistantBuilder.Data;
using AssistantBuilder.Web.FunctionalTests.Assistants;

namespace AssistantBuilder.Web.FunctionalTests.Compare;

/// <summary>/api/compare and /api/evaluations through real HTTP, on the tiny model with a real adapter as the live version.</summary>
public sealed class CompareApiTests(AssistantsApp app) : CompareApiTests<AssistantsApp>(app);

/// <summary>The compare API tests on the database of <typeparamref name="TApp"/> (SQLite, or PostgreSQL in <c>CompareApiPostgresTests</c>).</summary>
public abstract class CompareApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AssistantsApp
{
    /// <summary>An assistant on the tiny model whose live version is the fixture's adapter; and an eval and an examples dataset.</summary>
    async Task<(Guid Assistant, Guid Version, Guid Eval, Guid Examples)> SeedAsync()
    {
        var job = await app.JobAsync($"job-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(app.DataDir, "datasets"));
        string evalFile = $"datasets/eval-{Guid.NewGuid():N}.jsonl", examplesFile = $"datasets/train-{Guid.NewGuid():N}.csv";
        File.WriteAllLines(Path.Combine(app.DataDir, evalFile),
        [
            """{"messages":[{"role":"user","content":"abc"},{"role":"assistant","content":"hello"}]}""",
            """{"messages":[{"role":"user","content":"bca"},{"role":"assistant","content":"cab"}]}""",
        ]);
        File.WriteAllLines(Path.Combine(app.DataDir, examplesFile), ["question,answer", "abc please,hello", "cab,bca"]);
        await using var db = app.CreateDb();
        var assistant = new Assistant { Name = $"tiny-{Guid.NewGuid():N}"[..12], BaseModelId = await app.TinyModelIdAsync(), SystemPrompt = "be brief",
            Generation = new GenerationSettings { Temperature = 0, MaxTokens = 8 } };
        var version = new AdapterVersion { AssistantId = assistant.Id, Number = 1, JobId = job, AdapterDir = Path.Combine("jobs", job.ToString("N")) };
        assistant.ActiveVersionId = version.Id;
        var eval = new Dataset { Name = "held-out", Format = "openai", OriginalFileName = "eval.jsonl", StoredFile = evalFile, Conversations = 2 };
        var examples = new Dataset { Name = "train", Format = "csv", OriginalFileName = "train.csv", StoredFile = examplesFile, Conversations = 2 };
        db.AddRange(assistant, version, eval, examples);
        await db.SaveChangesAsync();
        return (assistant.Id, version.Id, eval.Id, examples.Id);
    }

    [Fact]
    public async Task Answers_come_from_the_fine_tuned_and_the_prompted_configuration_with_stats()
    {
        var (assistant, _, _, examples) = await SeedAsync();
        var client = await app.SignedInClientAsync();
        var response = await client.PostAsJsonAsync("/api/compare/answers", new { assistantId = assistant, question = "abc", examplesDatasetId = examples, fewShot = 2 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(["FineTuned", "Prompted"], replies.Select(r => r.GetProperty("kind").GetString()));
        Assert.Contains("v1 (fine-tuned)", replies[0].GetProperty("name").GetString());
        Assert.All(replies, r =>
        {
            Assert.Equal(JsonValueKind.Null, r.GetProperty("error").ValueKind);
            Assert.InRange(r.GetProperty("stats").GetProperty("completionTokens").GetInt32(), 1, 8);
        });
        Assert.Equal(1, replies[1].GetProperty("stats").GetProperty("fewShotExamples").GetInt32());
    }

    [Fact]
    public async Task Bad_answer_requests_say_what_is_wrong()
    {
        var (assistant, _, _, _) = await SeedAsync();
        var client = await app.SignedInClientAsync();
        var unknown = await client.PostAsJsonAsync("/api/compare/answers", new { assistantId = Guid.NewGuid(), question = "abc" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var empty = await client.PostAsJsonAsync("/api/compare/answers", new { assistantId = assistant, question = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("question", await empty.Content.ReadAsStringAsync());
        var external = await client.PostAsJsonAsync("/api/compare/answers", new { assistantId = assistant, question = "abc", includeExternal = true });
        Assert.Equal(HttpStatusCode.BadRequest, external.StatusCode);
        Assert.Contains("no external model is configured", await external.Content.ReadAsStringAsync());
        var badEndpoint = await client.PostAsJsonAsync("/api/compare/answers", new { assistantId = assistant, question = "abc", external = new { endpoint = "ftp://x", model = "m" } });
        Assert.Equal(HttpStatusCode.BadRequest, badEndpoint.StatusCode);
    }

    [Fact]
    public async Task Votes_are_stored_per_live_version_with_wilson_win_rates()
    {
        var (assistant, version, _, _) = await SeedAsync();
        var client = await app.SignedInClientAsync();
        async Task<HttpResponseMessage> Vote(string choice, params string[] order) =>
            await client.PostAsJsonAsync("/api/compare/votes", new { assistantId = assistant, question = "abc?", order, choice });

        Assert.Equal(HttpStatusCode.OK, (await Vote("B", "FineTuned", "Prompted")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Vote("A", "FineTuned", "Prompted")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Vote("A", "Prompted", "FineTuned")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Vote("tie", "Prompted", "FineTuned")).StatusCode);
        var bad = await Vote("C", "FineTuned", "Prompted");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("choice must be one of A, B", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await Vote("A", "FineTuned", "FineTuned")).StatusCode);

        var summary = await client.GetFromJsonAsync<JsonElement>($"/api/compare/votes/{assistant}");
        Assert.Equal(4, summary.GetProperty("votes").GetInt32());
        Assert.Equal(1, summary.GetProperty("ties").GetInt32());
        Assert.Equal(version, summary.GetProperty("versionId").GetGuid());
        var prompted = summary.GetProperty("winRates").EnumerateArray().Single(r => r.GetProperty("contestant").GetString() == "Prompted");
        Assert.Equal(2, prompted.GetProperty("wins").GetInt32());   // B in the first vote, A in the third
        Assert.Equal(4, prompted.GetProperty("votes").GetInt32());
        Assert.Equal(0.150039, prompted.GetProperty("low").GetDouble(), 5);  // Wilson 2/4: centre .5, half 0.349961
        Assert.Equal(0.849961, prompted.GetProperty("high").GetDouble(), 5);

        await using var db = app.CreateDb();
        Assert.All(db.CompareVotes.Where(v => v.AssistantId == assistant), v => Assert.Equal(version, v.VersionId));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/compare/votes/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_evaluation_runs_in_the_background_and_exports_csv_and_json()
    {
        var (assistant, _, eval, examples) = await SeedAsync();
        var client = await app.SignedInClientAsync();
        var start = await client.PostAsJsonAsync("/api/evaluations", new
        {
            assistantId = assistant, evalDatasetId = eval, examplesDatasetId = examples, fewShot = 1,
            facts = new[] { new { question = "abc", facts = new[] { "hello" } } },
        });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/evaluations/{id}", start.Headers.Location?.OriginalString);

        JsonElement run = default;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            run = await client.GetFromJsonAsync<JsonElement>($"/api/evaluations/{id}");
            if (run.GetProperty("state").GetString() != "Running") break;
            await Task.Delay(200);
        }
        Assert.Equal("Done", run.GetProperty("state").GetString());
        var report = run.GetProperty("report");
        Assert.Equal(2, report.GetProperty("examples").GetArrayLength());
        Assert.Equal(["FineTuned", "Prompted"], report.GetProperty("contestants").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        Assert.All(report.GetProperty("contestants").EnumerateArray(), c => Assert.True(c.GetProperty("perplexity").GetDouble() > 1));
        Assert.Equal(["hello"], report.GetProperty("examples")[0].GetProperty("facts").EnumerateArray().Select(f => f.GetString()));

        var json = await client.GetAsync($"/api/evaluations/{id}.json");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("examples").GetArrayLength());
        var csv = await client.GetAsync($"/api/evaluations/{id}.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("example,question,reference,contestant", lines[0]);
        Assert.Equal(1 + 2 * 2, lines.Length);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/evaluations");
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.True(File.Exists(Path.Combine(app.DataDir, "evaluations", $"{id:N}.json")));
    }

    [Fact]
    public async Task Unknown_evaluations_and_bad_starts_are_refused()
    {
        var (assistant, _, eval, _) = await SeedAsync();
        var client = await app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/evaluations/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/evaluations/{Guid.NewGuid()}.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/evaluations", new { assistantId = assistant, evalDatasetId = Guid.NewGuid() })).StatusCode);
        var limit = await client.PostAsJsonAsync("/api/evaluations", new { assistantId = assistant, evalDatasetId = eval, limit = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, limit.StatusCode);
        Assert.Contains("limit", await limit.Content.ReadAsStringAsync());
        var judge = await client.PostAsJsonAsync("/api/evaluations", new { assistantId = assistant, evalDatasetId = eval, judge = true });
        Assert.Equal(HttpStatusCode.BadRequest, judge.StatusCode);
    }

    [Fact]
    public async Task The_api_needs_a_signed_in_operator()
    {
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/evaluations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/compare/votes", new { })).StatusCode);
    }
}
