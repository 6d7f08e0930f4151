using System.Net;
using System.Net.Http.Json;
using System.Text;
using AssistantBuilder.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AssistantBuilder.Web.FunctionalTests.Datasets.DatasetUploads;

namespace AssistantBuilder.Web.FunctionalTests.Datasets;

/// <summary>/api/datasets through real HTTP on a real SQLite file: imports, refusals that store nothing, rename, delete, preview, samples.</summary>
public sealed class DatasetsApiTests(WebAppFactory app) : DatasetsApiTests<WebAppFactory>(app);

/// <summary>The datasets API tests on the database of <typeparamref name="TApp"/> (SQLite, or PostgreSQL in <c>DatasetsApiPostgresTests</c>).</summary>
public abstract class DatasetsApiTests<TApp> : IClassFixture<TApp> where TApp : WebAppFactory
{
    readonly WebAppFactory _app;
    protected DatasetsApiTests(TApp app) => _app = app;

    string DatasetsDir => Path.Combine(_app.DataDir, "datasets");

    /// <summary>Dataset folders and partial uploads on disk: what a refused upload must not add to.</summary>
    (int Folders, int Incoming) OnDisk()
    {
        var incoming = Path.Combine(DatasetsDir, ".incoming");
        return (Directory.GetDirectories(DatasetsDir).Count(d => Path.GetFileName(d) != ".incoming"),
            Directory.Exists(incoming) ? Directory.GetFiles(incoming).Length : 0);
    }

    async Task<Detail> UploadAsync(HttpClient client, byte[] content, string fileName, string? name = null)
    {
        var response = await client.PostAsync("/api/datasets", Form(content, fileName, name));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return System.Text.Json.JsonSerializer.Deserialize<Detail>(body, Json)!;
    }

    [Theory]
    [InlineData("brightwave-support", "train.jsonl", "openai", 420)]
    [InlineData("harbor-lane-library", "train.json", "sharegpt", 380)]
    [InlineData("crumb-and-co-faq", "train.csv", "csv", 340)]
    public async Task A_good_file_is_imported_with_its_report_stored_and_listed(string folder, string file, string format, int conversations)
    {
        var client = await _app.SignedInClientAsync();
        var bytes = await File.ReadAllBytesAsync(SampleFile(folder, file));
        var detail = await UploadAsync(client, bytes, file, name: $"{folder} upload");

        Assert.Equal(format, detail.Dataset.Format);
        Assert.Equal(conversations, detail.Dataset.Conversations);
        Assert.Equal(0, detail.Dataset.RejectedCount);
        Assert.Equal(bytes.Length, detail.Dataset.SizeBytes);
        Assert.Equal("default", detail.Report.TokenizerModel); // token counts come from the shipped model's template
        Assert.False(detail.Report.Statistics.TokenCountIsEstimate);
        Assert.Equal(conversations, detail.Report.Statistics.Histogram.Sum(b => b.Count));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(DatasetsDir, detail.Dataset.Id.ToString(), file)));

        var list = await client.GetFromJsonAsync<List<Summary>>("/api/datasets", Json);
        Assert.Contains(list!, d => d.Id == detail.Dataset.Id && d.Name == $"{folder} upload");
        var again = await client.GetFromJsonAsync<Detail>($"/api/datasets/{detail.Dataset.Id}", Json);
        Assert.Equal(detail.Report.Statistics.MedianTokens, again!.Report.Statistics.MedianTokens);
        Assert.Equal(0, OnDisk().Incoming);
    }

    [Fact]
    public async Task Rejected_records_are_reported_with_their_lines_when_the_rest_imports()
    {
        var client = await _app.SignedInClientAsync();
        var text = """
            {"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}
            {"messages":[{"role":"user","content":"only a question"}]}
            not json
            """;
        var detail = await UploadAsync(client, Encoding.UTF8.GetBytes(text), "mixed.jsonl");

        Assert.Equal("mixed", detail.Dataset.Name); // named after the file
        Assert.Equal(1, detail.Dataset.Conversations);
        Assert.Equal([2, 3], detail.Report.Rejected.Select(r => r.Line));
        Assert.Equal("no assistant turn", detail.Report.Rejected[0].Reason);
    }

    [Fact]
    public async Task A_file_without_a_usable_conversation_is_refused_with_every_line_and_nothing_is_stored()
    {
        var client = await _app.SignedInClientAsync();
        var before = OnDisk();
        int rows = await CountAsync();
        var text = "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}\n{\"messages\":[]}\n{broken\n";

        var response = await client.PostAsync("/api/datasets", Form(Encoding.UTF8.GetBytes(text), "broken.jsonl"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(Json);
        Assert.Contains("no usable conversation in broken.jsonl", problem!.Detail);
        Assert.Equal([1, 2, 3], problem.Rejected!.Select(r => r.Line));
        Assert.All(problem.Rejected!, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.Equal(before, OnDisk());
        Assert.Equal(rows, await CountAsync());
    }

    [Fact]
    public async Task A_path_in_the_file_name_is_dropped_so_nothing_is_written_outside_the_dataset_folder()
    {
        var client = await _app.SignedInClientAsync();
        var bytes = await File.ReadAllBytesAsync(SampleFile("crumb-and-co-faq", "train.csv"));

        var detail = await UploadAsync(client, bytes, "../../escape.csv");

        Assert.Equal("escape.csv", detail.Dataset.OriginalFileName);
        Assert.True(File.Exists(Path.Combine(DatasetsDir, detail.Dataset.Id.ToString(), "escape.csv")));
        Assert.False(File.Exists(Path.Combine(_app.DataDir, "escape.csv")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_app.DataDir)!, "escape.csv")));
        Assert.False(File.Exists(Path.Combine(DatasetsDir, "escape.csv")));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../")]
    [InlineData(".hidden.jsonl")]
    public async Task A_file_name_that_is_no_name_is_refused(string fileName)
    {
        var client = await _app.SignedInClientAsync();
        var before = OnDisk();
        var response = await client.PostAsync("/api/datasets", Form("{}"u8.ToArray(), fileName));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("name", (await response.Content.ReadFromJsonAsync<Problem>(Json))!.Detail);
        Assert.Equal(before, OnDisk());
    }

    [Fact]
    public async Task Latin1_text_is_refused_line_by_line_as_not_utf8()
    {
        var client = await _app.SignedInClientAsync();
        var latin1 = Encoding.Latin1.GetBytes("{\"messages\":[{\"role\":\"user\",\"content\":\"café?\"},{\"role\":\"assistant\",\"content\":\"oui\"}]}\n");
        var response = await client.PostAsync("/api/datasets", Form(latin1, "latin1.jsonl"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(Json);
        Assert.Contains("invalid UTF-8 bytes on line 1", Assert.Single(problem!.Rejected!).Reason);
    }

    [Fact]
    public async Task A_binary_file_is_refused_with_a_clear_message()
    {
        var client = await _app.SignedInClientAsync();
        var before = OnDisk();
        var response = await client.PostAsync("/api/datasets", Form([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x10, 0x0A, 0x00], "archive.jsonl"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("looks like a binary file", (await response.Content.ReadFromJsonAsync<Problem>(Json))!.Detail);
        Assert.Equal(before, OnDisk());
    }

    [Fact]
    public async Task An_unknown_format_or_a_body_that_is_not_a_form_is_a_400()
    {
        var client = await _app.SignedInClientAsync();
        var badFormat = await client.PostAsync("/api/datasets", Form("{}"u8.ToArray(), "a.jsonl", format: "excel"));
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("'excel' is not a dataset format", (await badFormat.Content.ReadFromJsonAsync<Problem>(Json))!.Detail);

        var json = await client.PostAsJsonAsync("/api/datasets", new { file = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Contains("multipart/form-data", (await json.Content.ReadFromJsonAsync<Problem>(Json))!.Detail);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_upload_form_and_every_route()
    {
        var client = _app.CreateClient();
        using var doc = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        var upload = paths.GetProperty("/api/datasets").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(upload.TryGetProperty("multipart/form-data", out _));
        foreach (var path in new[] { "/api/datasets/{id}", "/api/datasets/{id}/preview", "/api/datasets/samples", "/api/datasets/samples/{name}" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    [Fact]
    public async Task A_forced_format_is_used()
    {
        var client = await _app.SignedInClientAsync();
        var response = await client.PostAsync("/api/datasets", Form("""[{"instruction":"Add 2 and 2","output":"4"}]"""u8.ToArray(), "x.json", format: "alpaca"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("alpaca", (await response.Content.ReadFromJsonAsync<Detail>(Json))!.Dataset.Format);
    }

    [Fact]
    public async Task Csv_columns_and_transcript_speakers_named_in_the_form_are_used_and_stored_as_openai_jsonl()
    {
        var client = await _app.SignedInClientAsync();
        byte[] csv = Encoding.UTF8.GetBytes("ticket,resolution\nprinter jams,open tray 2\nno wifi,restart the router\n");
        var unnamed = await client.PostAsync("/api/datasets", Form(csv, "faq.csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unnamed.StatusCode);
        Assert.Contains("no prompt column", await unnamed.Content.ReadAsStringAsync());

        var form = Form(csv, "faq.csv");
        form.Add(new StringContent("ticket"), "promptColumn");
        form.Add(new StringContent("resolution"), "responseColumn");
        var created = await client.PostAsync("/api/datasets", form);
        string body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var detail = System.Text.Json.JsonSerializer.Deserialize<Detail>(body, Json)!;
        Assert.Equal(("openai", "faq.csv", 2), (detail.Dataset.Format, detail.Dataset.OriginalFileName, detail.Dataset.Conversations));
        string stored = Path.Combine(DatasetsDir, detail.Dataset.Id.ToString(), "faq.jsonl");
        Assert.True(File.Exists(stored), string.Join(", ", Directory.GetFiles(DatasetsDir, "*", SearchOption.AllDirectories)));
        Assert.Contains("""{"role":"user","content":"printer jams"}""", File.ReadAllText(stored));
        var preview = await client.GetFromJsonAsync<Preview>($"/api/datasets/{detail.Dataset.Id}/preview?take=5", Json);
        Assert.Equal(["user", "assistant"], preview!.Conversations[0].Turns.Select(t => t.Role));
        Assert.Equal("restart the router", preview.Conversations[1].Turns[1].Content);

        byte[] transcript = "Patron: is the atlas in\nLibrarian: yes, shelf 4\n"u8.ToArray();
        var before = OnDisk();
        var bad = Form(transcript, "desk.txt");
        bad.Add(new StringContent("Patron=customer"), "speakers");
        var refused = await client.PostAsync("/api/datasets", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("'Patron=customer' maps to 'customer'; a role must be system, user or assistant", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, OnDisk());
        var good = Form(transcript, "desk.txt", format: "transcript");
        good.Add(new StringContent("Patron=user,Librarian=assistant"), "speakers");
        var mapped = await client.PostAsync("/api/datasets", good);
        Assert.True(mapped.StatusCode == HttpStatusCode.Created, await mapped.Content.ReadAsStringAsync());
        Assert.Equal(1, (await mapped.Content.ReadFromJsonAsync<Detail>(Json))!.Dataset.Conversations);
    }

    [Fact]
    public async Task Rename_changes_the_name_and_refuses_an_empty_one()
    {
        var client = await _app.SignedInClientAsync();
        var detail = await UploadAsync(client, await File.ReadAllBytesAsync(SampleFile("crumb-and-co-faq", "train.csv")), "faq.csv");

        var renamed = await client.PatchAsJsonAsync($"/api/datasets/{detail.Dataset.Id}", new { name = "  Bakery FAQ  " });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Bakery FAQ", (await client.GetFromJsonAsync<Detail>($"/api/datasets/{detail.Dataset.Id}", Json))!.Dataset.Name);

        var empty = await client.PatchAsJsonAsync($"/api/datasets/{detail.Dataset.Id}", new { name = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var unknown = await client.PatchAsJsonAsync($"/api/datasets/{Guid.NewGuid()}", new { name = "x" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("there is no dataset", (await unknown.Content.ReadFromJsonAsync<Problem>(Json))!.Detail);
    }

    [Fact]
    public async Task Delete_removes_the_row_and_the_folder()
    {
        var client = await _app.SignedInClientAsync();
        var detail = await UploadAsync(client, await File.ReadAllBytesAsync(SampleFile("crumb-and-co-faq", "train.csv")), "gone.csv");
        string folder = Path.Combine(DatasetsDir, detail.Dataset.Id.ToString());
        Assert.True(Directory.Exists(folder));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/datasets/{detail.Dataset.Id}")).StatusCode);

        Assert.False(Directory.Exists(folder));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/datasets/{detail.Dataset.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/datasets/{detail.Dataset.Id}/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/datasets/{detail.Dataset.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_dataset_a_fine_tuning_job_uses_cannot_be_deleted()
    {
        var client = await _app.SignedInClientAsync();
        var detail = await UploadAsync(client, await File.ReadAllBytesAsync(SampleFile("crumb-and-co-faq", "train.csv")), "used.csv");
        await using (var db = _app.CreateDb())
        {
            var model = await db.BaseModels.FirstAsync();
            db.TrainingJobs.Add(new TrainingJob { Name = "uses it", BaseModelId = model.Id, DatasetId = detail.Dataset.Id, OutputDir = "jobs/x", Status = JobStatus.Completed });
            await db.SaveChangesAsync();
        }

        var response = await client.DeleteAsync($"/api/datasets/{detail.Dataset.Id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("used by 1 fine-tuning job", (await response.Content.ReadFromJsonAsync<Problem>(Json))!.Detail);
        Assert.True(Directory.Exists(Path.Combine(DatasetsDir, detail.Dataset.Id.ToString())));
    }

    [Fact]
    public async Task The_preview_flags_the_assistant_replies_as_trained_and_the_rest_not()
    {
        var client = await _app.SignedInClientAsync();
        var detail = await UploadAsync(client, await File.ReadAllBytesAsync(SampleFile("brightwave-support", "train.jsonl")), "train.jsonl");

        var page = await client.GetFromJsonAsync<Preview>($"/api/datasets/{detail.Dataset.Id}/preview?skip=2&take=3", Json);

        Assert.Equal("default", page!.ModelName);
        Assert.Equal((420, 2, 3), (page.Total, page.Skip, page.Conversations.Count));
        Assert.Contains("<|im_end|>", page.EndOfTurnTokens);
        foreach (var conversation in page.Conversations)
        {
            Assert.Null(conversation.Error);
            Assert.True(conversation.TrainedTokens > 0 && conversation.TrainedTokens < conversation.Tokens);
            foreach (var turn in conversation.Turns.Where(t => t.Role != "assistant"))
                Assert.All(turn.Segments, s => Assert.False(s.Trained));
            foreach (var turn in conversation.Turns.Where(t => t.Role == "assistant"))
                Assert.Equal(turn.Content + "<|im_end|>", Assert.Single(turn.Segments, s => s.Trained).Text);
        }

        await using var db = _app.CreateDb();
        var model = await db.BaseModels.FirstAsync(m => m.Name == "default");
        var byId = await client.GetFromJsonAsync<Preview>($"/api/datasets/{detail.Dataset.Id}/preview?model={model.Id}&take=1", Json);
        Assert.Equal(model.Id, byId!.ModelId);
        Assert.Single(byId.Conversations);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/datasets/{detail.Dataset.Id}/preview?model={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/datasets/{detail.Dataset.Id}/preview?take=500")).StatusCode);
    }

    [Fact]
    public async Task Samples_are_listed_and_imported_in_one_call()
    {
        var client = await _app.SignedInClientAsync();
        var samples = await client.GetFromJsonAsync<List<Sample>>("/api/datasets/samples", Json);
        Assert.Equal(["brightwave-support", "crumb-and-co-faq", "harbor-lane-library"], samples!.Select(s => s.Name));
        Assert.Equal("train.csv", samples![1].FileName);

        var response = await client.PostAsync("/api/datasets/samples/crumb-and-co-faq", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await response.Content.ReadFromJsonAsync<Detail>(Json);
        Assert.Equal(("crumb-and-co-faq", "csv", 340), (detail!.Dataset.Name, detail.Dataset.Format, detail.Dataset.Conversations));
        Assert.Equal($"/api/datasets/{detail.Dataset.Id}", response.Headers.Location!.OriginalString);

        var unknown = await client.PostAsync("/api/datasets/samples/nope", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("brightwave-support", (await unknown.Content.ReadFromJsonAsync<Problem>(Json))!.Detail);
    }

    [Theory]
    [InlineData("GET", "/api/datasets")]
    [InlineData("POST", "/api/datasets")]
    [InlineData("GET", "/api/datasets/samples")]
    [InlineData("POST", "/api/datasets/samples/crumb-and-co-faq")]
    [InlineData("GET", "/api/datasets/00000000-0000-0000-0000-000000000001")]
    [InlineData("PATCH", "/api/datasets/00000000-0000-0000-0000-000000000001")]
    [InlineData("DELETE", "/api/datasets/00000000-0000-0000-0000-000000000001")]
    [InlineData("GET", "/api/datasets/00000000-0000-0000-0000-000000000001/preview")]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST" && path == "/api/datasets") request.Content = Form("{}"u8.ToArray(), "a.jsonl");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task An_upload_over_the_configured_limit_is_refused_with_413_and_nothing_is_stored()
    {
        using var factory = new WebAppFactory { Provider = _app.Provider };
        using var small = factory.WithWebHostBuilder(b => b.UseSetting("Uploads:MaxBytes", "1000"));
        var client = small.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.PostAsJsonAsync("/api/account/login", new { email = WebAppFactory.Email, password = WebAppFactory.Password })).EnsureSuccessStatusCode();
        var bytes = await File.ReadAllBytesAsync(SampleFile("crumb-and-co-faq", "train.csv"));

        foreach (var size in new[] { 5_000, bytes.Length }) // streamed past the limit; announced by Content-Length beyond it
        {
            var response = await client.PostAsync("/api/datasets", Form(bytes[..size], "big.csv"));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<Problem>(Json);
            Assert.Contains("too large", problem!.Detail);
            Assert.Contains("1000 bytes (setting Uploads:MaxBytes)", problem.Detail);
        }

        var datasets = Path.Combine(factory.DataDir, "datasets");
        Assert.DoesNotContain(Directory.GetDirectories(datasets), d => Path.GetFileName(d) != ".incoming");
        Assert.Empty(Directory.GetFiles(Path.Combine(datasets, ".incoming")));
        await using var db = small.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        Assert.Equal(0, await db.Datasets.CountAsync());
    }

    async Task<int> CountAsync()
    {
        await using var db = _app.CreateDb();
        return await db.Datasets.CountAsync();
    }
}
