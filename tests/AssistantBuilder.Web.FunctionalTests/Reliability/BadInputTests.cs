using System.Net;
using System.Net.Http.Json;
using System.Text;
using AssistantBuilder.Testing;
using AssistantBuilder.Web.FunctionalTests.BaseModels;
using AssistantBuilder.Web.FunctionalTests.Datasets;
using Microsoft.AspNetCore.Hosting;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>The app with small upload limits, so "beyond the limit" costs little; a dataset and an assistant exist.</summary>
public sealed class ReliabilityAppFactory : WebAppFactory
{
    public const long MaxDatasetBytes = 64 * 1024;
    public const long MaxModelBytes = 2 * 1024 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:MaxBytes", MaxDatasetBytes.ToString());
        builder.UseSetting("Uploads:MaxModelBytes", MaxModelBytes.ToString());
    }
}

/// <summary>
/// Bad input across every endpoint that stores something, one table: each request is refused with a 4xx and a message
/// that says what is wrong, and the store (every table's row count, every file under the data directory) is exactly as
/// before. The feature suites test the details of each refusal (see docs/reliability.md); this one holds the invariant
/// across all of them.
/// </summary>
public sealed class BadInputTests(ReliabilityAppFactory app) : IClassFixture<ReliabilityAppFactory>
{
    static readonly Guid Unknown = Guid.Parse("00000000-0000-4000-8000-00000000dead");

    /// <summary>A request, the status it must get and a fragment its message must contain (case-insensitive).</summary>
    public sealed record Case(Func<Context, Task<HttpResponseMessage>> Send, HttpStatusCode Status, string Says);

    /// <summary>What the cases may refer to: a signed-in client and the ids of the dataset and assistant that exist.</summary>
    public sealed record Context(HttpClient Client, Guid DatasetId, Guid AssistantId, Guid ModelId);

    static readonly Dictionary<string, Case> Cases = new()
    {
        // Dataset uploads
        ["dataset: malformed JSON lines"] = new(c => UploadDataset(c, "{\"messages\": [\n{oops\n]]]\n"u8.ToArray(), "bad.jsonl"), HttpStatusCode.UnprocessableEntity, "invalid JSON"),
        ["dataset: empty file"] = new(c => UploadDataset(c, [], "empty.jsonl"), HttpStatusCode.UnprocessableEntity, "empty"),
        ["dataset: beyond the upload limit"] = new(c => UploadDataset(c, Conversations((int)ReliabilityAppFactory.MaxDatasetBytes * 2), "huge.jsonl"), HttpStatusCode.RequestEntityTooLarge, "upload limit"),
        ["dataset: binary"] = new(c => UploadDataset(c, Binary(4096), "weights.jsonl"), HttpStatusCode.UnprocessableEntity, "binary"),
        ["dataset: not UTF-8 (Latin-1)"] = new(c => UploadDataset(c, Encoding.Latin1.GetBytes("{\"messages\":[{\"role\":\"user\",\"content\":\"caf\u00e9?\"},{\"role\":\"assistant\",\"content\":\"s\u00ed\"}]}\n"), "latin1.jsonl"), HttpStatusCode.UnprocessableEntity, "UTF-8"),
        ["dataset: path traversal name, bad content"] = new(c => UploadDataset(c, "not a dataset"u8.ToArray(), "../../../etc/cron.d/evil.jsonl"), HttpStatusCode.UnprocessableEntity, "evil.jsonl"),
        ["dataset: a name that is only dots"] = new(c => UploadDataset(c, Conversations(200), ".."), HttpStatusCode.BadRequest, "name"),
        ["dataset: not a form"] = new(c => c.Client.PostAsync("/api/datasets", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "multipart/form-data"),
        ["dataset: unknown format"] = new(c => c.Client.PostAsync("/api/datasets", DatasetUploads.Form(Conversations(200), "a.jsonl", format: "parquet")), HttpStatusCode.BadRequest, "format"),
        ["dataset: sample name with a path"] = new(c => c.Client.PostAsync("/api/datasets/samples/..%2F..%2Fmodels", null), HttpStatusCode.NotFound, "sample"),
        ["dataset: rename to nothing"] = new(c => c.Client.PatchAsJsonAsync($"/api/datasets/{c.DatasetId}", new { name = "  " }), HttpStatusCode.BadRequest, "name"),
        ["dataset: unknown id (get)"] = new(c => c.Client.GetAsync($"/api/datasets/{Unknown}"), HttpStatusCode.NotFound, Unknown.ToString()),
        ["dataset: unknown id (delete)"] = new(c => c.Client.DeleteAsync($"/api/datasets/{Unknown}"), HttpStatusCode.NotFound, Unknown.ToString()),
        // Model uploads
        ["model: truncated safetensors"] = new(c => UploadModel(c, "truncated", ModelUploads.TinyZip(dir => Truncate(Path.Combine(dir, "model.safetensors")))), HttpStatusCode.UnprocessableEntity, "safetensors"),
        ["model: missing weights"] = new(c => UploadModel(c, "no-weights", ModelUploads.TinyZip(dir => File.Delete(Path.Combine(dir, "model.safetensors")))), HttpStatusCode.UnprocessableEntity, "safetensors"),
        ["model: missing config.json"] = new(c => UploadModel(c, "no-config", ModelUploads.TinyZip(dir => File.Delete(Path.Combine(dir, "config.json")))), HttpStatusCode.UnprocessableEntity, "config.json"),
        ["model: corrupt config.json"] = new(c => UploadModel(c, "bad-config", ModelUploads.TinyZip(dir => File.WriteAllText(Path.Combine(dir, "config.json"), "{\"hidden_size\": "))), HttpStatusCode.UnprocessableEntity, "config.json"),
        ["model: zip entry escaping the folder"] = new(c => UploadModel(c, "escape", ModelUploads.Zip([("../escape.txt", "x"u8.ToArray())])), HttpStatusCode.BadRequest, "escape.txt"),
        ["model: beyond the upload limit"] = new(c => UploadModel(c, "huge", Binary((int)ReliabilityAppFactory.MaxModelBytes + 4 * 1024 * 1024)), HttpStatusCode.RequestEntityTooLarge, "limit"),
        ["model: unknown id (get)"] = new(c => c.Client.GetAsync($"/api/models/{Unknown}"), HttpStatusCode.NotFound, Unknown.ToString()),
        ["model: unknown id (delete)"] = new(c => c.Client.DeleteAsync($"/api/models/{Unknown}"), HttpStatusCode.NotFound, Unknown.ToString()),
        // Fine-tuning jobs
        ["job: hyperparameters out of range"] = new(c => c.Client.PostAsJsonAsync("/api/jobs", new
        {
            baseModelId = c.ModelId, datasetId = c.DatasetId,
            settings = new { epochs = 0, learningRate = 5.0, loraRank = 4096, batchSize = 0, loraDropout = 0.95, maxSeqLen = 4 },
        }), HttpStatusCode.BadRequest, "Epochs"),
        ["job: unknown model"] = new(c => c.Client.PostAsJsonAsync("/api/jobs", new { baseModelId = Unknown, datasetId = c.DatasetId }), HttpStatusCode.NotFound, "model"),
        ["job: unknown dataset"] = new(c => c.Client.PostAsJsonAsync("/api/jobs", new { baseModelId = c.ModelId, datasetId = Unknown }), HttpStatusCode.NotFound, "dataset"),
        ["job: unknown id (get)"] = new(c => c.Client.GetAsync($"/api/jobs/{Unknown}"), HttpStatusCode.NotFound, Unknown.ToString()),
        ["job: unknown id (resume)"] = new(c => c.Client.PostAsync($"/api/jobs/{Unknown}/resume", null), HttpStatusCode.NotFound, Unknown.ToString()),
        ["job: unknown id (delete)"] = new(c => c.Client.DeleteAsync($"/api/jobs/{Unknown}"), HttpStatusCode.NotFound, Unknown.ToString()),
        // Assistants
        ["assistant: unknown base model"] = new(c => c.Client.PostAsJsonAsync("/api/assistants", new { name = "x", baseModelId = Unknown }), HttpStatusCode.BadRequest, "model"),
        ["assistant: invalid fields"] = new(c => c.Client.PostAsJsonAsync("/api/assistants", new { name = "", baseModelId = c.ModelId, generation = new { temperature = 9.0 } }), HttpStatusCode.BadRequest, "Name"),
        ["assistant: unknown id (get)"] = new(c => c.Client.GetAsync($"/api/assistants/{Unknown}"), HttpStatusCode.NotFound, "assistant"),
        ["assistant: unknown id (update)"] = new(c => c.Client.PutAsJsonAsync($"/api/assistants/{Unknown}", new { name = "x" }), HttpStatusCode.NotFound, "assistant"),
        ["assistant: version from an unknown job"] = new(c => c.Client.PostAsJsonAsync($"/api/assistants/{c.AssistantId}/versions", new { jobId = Unknown }), HttpStatusCode.NotFound, "job"),
        ["assistant: promote an unknown version"] = new(c => c.Client.PostAsync($"/api/assistants/{c.AssistantId}/versions/{Unknown}/promote", null), HttpStatusCode.NotFound, "version"),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_is_refused_with_a_clear_message_and_nothing_is_stored(string name)
    {
        var context = await ContextAsync();
        var before = await SnapshotAsync();
        var (send, status, says) = Cases[name];

        var response = await send(context);
        string body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == status, $"{name}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        // A problem document (the jobs API sends its ProblemDetails as application/json, see docs/reliability.md).
        Assert.Matches("^application/(problem\\+)?json$", response.Content.Headers.ContentType?.MediaType ?? "");
        Assert.Matches("\"(detail|errors)\":", body);
        Assert.True(body.Contains(says, StringComparison.OrdinalIgnoreCase), $"{name}: the message does not say '{says}': {body}");
        string difference = (await SnapshotAsync()).DifferenceFrom(before);
        Assert.True(difference.Length == 0, $"{name} stored something: {difference}");
    }

    [Fact]
    public async Task A_path_in_a_good_file_name_is_dropped_and_the_file_lands_in_the_datasets_folder_only()
    {
        var context = await ContextAsync();
        var before = await SnapshotAsync();
        var response = await UploadDataset(context, Conversations(2000), "../../outside/../../etc/chats.jsonl");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = (await SnapshotAsync()).Files.Except(before.Files).ToList();
        Assert.NotEmpty(added);
        Assert.All(added, f => Assert.StartsWith("datasets" + Path.DirectorySeparatorChar, f));
        Assert.All(added, f => Assert.DoesNotContain("..", f));
        Assert.False(Directory.Exists(Path.Combine(app.DataDir, "..", "outside")));
        await context.Client.DeleteAsync(response.Headers.Location); // back to the shared starting point
    }

    Context? _context;
    static readonly SemaphoreSlim SetUp = new(1, 1);

    async Task<Context> ContextAsync()
    {
        await SetUp.WaitAsync();
        try
        {
            if (_context is not null) return _context;
            var client = await app.SignedInClientAsync();
            // One dataset, one assistant on the shipped model: the cases that need ids use these (made once per app).
            await using var db = app.CreateDb();
            if (db.Datasets.FirstOrDefault() is not { } dataset)
            {
                (await UploadDataset(new Context(client, default, default, default), Conversations(2000), "base.jsonl")).EnsureSuccessStatusCode();
                dataset = db.Datasets.First();
            }
            var model = db.BaseModels.First();
            if (db.Assistants.FirstOrDefault() is not { } assistant)
            {
                (await client.PostAsJsonAsync("/api/assistants", new { name = "Base", baseModelId = model.Id })).EnsureSuccessStatusCode();
                assistant = db.Assistants.First();
            }
            return _context = new Context(client, dataset.Id, assistant.Id, model.Id);
        }
        finally { SetUp.Release(); }
    }

    async Task<StoreSnapshot> SnapshotAsync()
    {
        await using var db = app.CreateDb();
        return await StoreSnapshot.TakeAsync(db, app.DataDir);
    }

    static Task<HttpResponseMessage> UploadDataset(Context c, byte[] content, string fileName) =>
        c.Client.PostAsync("/api/datasets", DatasetUploads.Form(content, fileName));

    static Task<HttpResponseMessage> UploadModel(Context c, string name, byte[] zip) =>
        c.Client.PostAsync("/api/models/upload", ModelUploads.Form(name, ($"{name}.zip", zip)));

    /// <summary>Valid chat JSONL of about <paramref name="bytes"/> bytes.</summary>
    static byte[] Conversations(int bytes)
    {
        var text = new StringBuilder();
        for (int i = 0; text.Length < bytes; i++)
            text.Append($$"""{"messages":[{"role":"user","content":"question {{i}}"},{"role":"assistant","content":"answer {{i}}"}]}""").Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    static byte[] Binary(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    static void Truncate(string file)
    {
        using var stream = File.Open(file, FileMode.Open);
        stream.SetLength(stream.Length / 2);
    }
}
