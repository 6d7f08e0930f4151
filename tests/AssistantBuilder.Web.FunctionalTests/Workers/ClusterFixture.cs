using System.Net;
using System.Net.Http.Json;
using AssistantBuilder.Data;
using AssistantBuilder.Testing;
using AssistantBuilder.Web.FunctionalTests.Reliability;
using AssistantBuilder.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.FunctionalTests.Workers;

/// <summary>
/// A cluster on loopback: web processes with their embedded worker off and <c>ab worker</c> processes, all on one data
/// directory and one database (its SQLite file, or a fresh PostgreSQL database with the web nodes' SignalR on a real
/// Redis backplane); a tiny model and a small dataset registered for jobs.
/// </summary>
sealed class ClusterFixture : IAsyncDisposable
{
    public const string Email = "operator@example.com", Password = "correct horse battery";
    readonly List<IDisposable> _processes = [];
    readonly TinyModel _model = TinyModel.Create(TinyModel.DefaultConfig() with { MaxPositionEmbeddings = 256 });

    public string DataDir { get; } = TempDir.Create("cluster");
    public SharedDbContextFactory Db { get; }

    /// <summary>The scratch folder of a worker started with scratch on (outside the data directory).</summary>
    public string ScratchDir(string worker) => Path.Combine(DataDir + "-scratch", worker);
    public List<AppProcess> Webs { get; } = [];
    public List<WorkerProcess> Workers { get; } = [];
    public Guid ModelId { get; private set; }
    public Guid DatasetId { get; private set; }

    readonly string? _postgres;
    readonly RedisServer? _redis;

    ClusterFixture(bool postgresAndRedis)
    {
        if (!postgresAndRedis)
        {
            Db = SharedDbContextFactory.ForDataDir(DataDir);
            return;
        }
        _postgres = PostgresServer.Shared.CreateDatabase();
        _redis = new RedisServer();
        Db = new SharedDbContextFactory(new DatabaseOptions(DatabaseProvider.Postgres, _postgres));
    }

    /// <param name="scratch">Each worker trains in its own scratch folder (<see cref="ScratchDir"/>) and stores its files in the data directory as written.</param>
    public static async Task<ClusterFixture> StartAsync(int webs, int workers, double leaseSeconds, int copies, bool postgresAndRedis = false, bool scratch = false)
    {
        var cluster = new ClusterFixture(postgresAndRedis);
        var env = new Dictionary<string, string>
        {
            ["Training__EmbeddedWorker"] = "false", ["Training__FeedPollSeconds"] = "0.2",
            ["Training__LeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), // when workers count as silent
        };
        if (cluster._postgres is not null)
        {
            env["Database__Provider"] = "postgres";
            env["ConnectionStrings__Postgres"] = cluster._postgres;
            env["ConnectionStrings__Redis"] = cluster._redis!.ConnectionString;
            env["Redis__ChannelPrefix"] = $"cluster-{Guid.NewGuid():N}";
        }
        for (int i = 0; i < webs; i++) // one after the other: the first migrates the database
        {
            var web = await AppProcess.StartAsync(cluster.DataDir, Email, Password, env);
            cluster._processes.Add(web);
            cluster.Webs.Add(web);
        }
        await cluster.SeedAsync(copies);
        for (int i = 0; i < workers; i++)
        {
            var worker = WorkerProcess.Start(cluster.DataDir, $"w{i + 1}", leaseSeconds, cluster._postgres, scratch ? cluster.ScratchDir($"w{i + 1}") : null);
            cluster._processes.Add(worker);
            cluster.Workers.Add(worker);
        }
        await cluster.UntilAsync(async db => await db.Workers.CountAsync(w => w.StoppedAt == null) == workers, "the workers to announce themselves");
        return cluster;
    }

    async Task SeedAsync(int copies)
    {
        string stored = Path.Combine("datasets", "chats.jsonl");
        var lines = Enumerable.Range(0, copies).SelectMany(i => new[]
        {
            $$"""{"messages":[{"role":"user","content":"hi {{i}}"},{"role":"assistant","content":"hello"}]}""",
            $$"""{"messages":[{"role":"user","content":"name a colour {{i}}"},{"role":"assistant","content":"blue"}]}""",
        });
        Directory.CreateDirectory(Path.Combine(DataDir, "datasets"));
        await File.WriteAllTextAsync(Path.Combine(DataDir, stored), string.Join("\n", lines) + "\n");
        await using var db = Db.CreateDbContext();
        var model = new BaseModel { Name = "tiny", Path = _model.Directory, Architecture = "LlamaForCausalLM", ContextLength = 256 };
        var dataset = new Dataset { Name = "chats", Format = "openai", OriginalFileName = "chats.jsonl", StoredFile = stored, Conversations = copies * 2 };
        db.AddRange(model, dataset);
        await db.SaveChangesAsync();
        (ModelId, DatasetId) = (model.Id, dataset.Id);
    }

    /// <summary>Polls the shared database until <paramref name="condition"/> holds (fails the test after <paramref name="seconds"/>).</summary>
    public async Task UntilAsync(Func<AppDbContext, Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            await using (var db = Db.CreateDbContext())
                if (await condition(db)) return;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"waited {seconds} s for {what}; worker logs:\n{string.Join("\n", Workers.Select(w => $"--- {w.Name}\n{w.Output}"))}");
            await Task.Delay(100);
        }
    }

    public static async Task<(HttpClient Client, string Cookie)> SignInAsync(AppProcess web)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = web.Address };
        (await client.PostAsJsonAsync("/api/account/login", new { email = Email, password = Password })).EnsureSuccessStatusCode();
        return (client, cookies.GetCookieHeader(web.Address));
    }

    public async Task<JobDto> QueueAsync(HttpClient client, TrainingSettings settings, string name)
    {
        var response = await client.PostAsJsonAsync("/api/jobs", new CreateJobRequest(ModelId, DatasetId, name, settings));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JobDto>())!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in Enumerable.Reverse(_processes)) p.Dispose();
        _model.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null) PostgresServer.Shared.DropDatabase(_postgres);
        _redis?.Dispose();
        TempDir.Delete(DataDir);
        if (Directory.Exists(DataDir + "-scratch")) TempDir.Delete(DataDir + "-scratch");
        await Task.CompletedTask;
    }
}
