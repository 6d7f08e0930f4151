using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssistantBuilder.Web.Training;

namespace AssistantBuilder.Web.FunctionalTests.Training;

/// <summary>The jobs API's answers to bad input: each field out of range named with its range, unknown ids, wrong states.</summary>
public sealed class JobsApiTests(WebAppFactory app) : JobsApiTests<WebAppFactory>(app);

/// <summary>The jobs API tests on the database of <typeparamref name="TApp"/> (SQLite, or PostgreSQL in <c>JobsApiPostgresTests</c>).</summary>
public abstract class JobsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : WebAppFactory
{
    [Fact]
    public async Task Settings_out_of_range_are_refused_naming_each_field_and_its_range_and_nothing_is_stored()
    {
        var client = await app.SignedInClientAsync();
        var model = await JobTestData.AddModelAsync(app, "/nonexistent/model");
        var data = await JobTestData.AddDatasetAsync(app, copies: 1);
        var response = await client.PostAsJsonAsync("/api/jobs", new
        {
            baseModelId = model, datasetId = data,
            settings = new { epochs = 0, learningRate = 3.0, loraRank = 16, batchSize = 5000, warmupRatio = 0.03 },
            device = "tpu",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("between 1 and 100", errors.GetProperty("settings.epochs")[0].GetString());
        Assert.Contains("1E-07 and 1", errors.GetProperty("settings.learningRate")[0].GetString());
        Assert.Contains("between 1 and 1024", errors.GetProperty("settings.batchSize")[0].GetString());
        Assert.Contains("tpu", errors.GetProperty("device")[0].GetString());
        Assert.False(errors.TryGetProperty("settings.loraRank", out _));
        await using var db = app.CreateDb();
        Assert.Empty(db.TrainingJobs);
    }

    [Fact]
    public async Task Unknown_models_datasets_and_jobs_answer_404_with_what_is_missing()
    {
        var client = await app.SignedInClientAsync();
        var data = await JobTestData.AddDatasetAsync(app, copies: 1);
        var missing = Guid.NewGuid();
        var noModel = await client.PostAsJsonAsync("/api/jobs", new CreateJobRequest(missing, data));
        Assert.Equal(HttpStatusCode.NotFound, noModel.StatusCode);
        Assert.Equal("application/problem+json", noModel.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"no base model with id {missing}", await noModel.Content.ReadAsStringAsync());

        foreach (var (method, path) in new[] { ("GET", ""), ("GET", "/events"), ("GET", "/log"), ("POST", "/cancel"), ("POST", "/resume"), ("DELETE", "") })
        {
            var r = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/jobs/{missing}{path}"));
            Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {r.StatusCode}");
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"no training job with id {missing}", await r.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_jobs_api_is_for_operators_only_and_documented()
    {
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/jobs", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/jobs/{Guid.NewGuid()}/cancel", null)).StatusCode);
        var openApi = await anonymous.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/jobs", "/api/jobs/{id}/events", "/api/jobs/{id}/cancel", "/api/jobs/{id}/resume", "/api/jobs/{id}/log" })
            Assert.Contains($"\"{path}\"", openApi);
    }
}
