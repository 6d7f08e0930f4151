using System.CommandLine;
using System.Globalization;
using AssistantBuilder.Core.Storage;
using AssistantBuilder.Data;
using AssistantBuilder.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistantBuilder.Cli.Commands;

/// <summary>
/// <c>ab worker</c>: a training worker on the shared queue. It announces itself and its device in the database, claims
/// jobs one at a time with an expiring lease, runs each as an <c>ab train</c> child process, and stops cleanly on
/// SIGTERM or Ctrl-C (the trainer writes a checkpoint and the job goes back to the queue for another worker).
/// </summary>
static class WorkerCommand
{
    static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "The shared data directory (default: $AB_DATA_DIR, else data/): datasets, models and job folders; paths in the database are relative to it. The SQLite database is its assistantbuilder.db.",
    };
    static readonly Option<string?> Provider = new("--db-provider") { Description = "Database: sqlite (default) or postgres (default: $Database__Provider; a PostgreSQL connection string alone selects postgres)." };
    static readonly Option<string?> Postgres = new("--postgres") { Description = "PostgreSQL connection string (default: $ConnectionStrings__Postgres)." };
    static readonly Option<string> Device = new("--device")
    {
        Description = "The device to train on: auto (the first GPU, else the CPU), cpu, cuda or cuda:N. The worker takes the jobs that fit it.",
        DefaultValueFactory = _ => "auto",
    };
    static readonly Option<string?> Name = new("--name") { Description = "The worker's name in the database and the job logs (default: HOST-DEVICE)." };
    static readonly Option<int> Threads = new("--threads")
    {
        Description = "CPU threads for each training process.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount - 1),
    };
    static readonly Option<double> LeaseSeconds = new("--lease-seconds")
    {
        Description = "How long a claim on a job lasts without renewal (renewed every third of it): a worker silent this long is taken for dead and its job taken over.",
        DefaultValueFactory = _ => 30,
    };
    static readonly Option<double> PollSeconds = new("--poll-seconds") { Description = "How often an idle worker looks at the queue.", DefaultValueFactory = _ => 2 };
    static readonly Option<string?> ScratchDir = new("--scratch-dir")
    {
        Description = "A local folder to train in (e.g. a fast local disk when the data directory is a network mount): checkpoints, the adapter and train.log are copied to the data directory as each is written, and resumed from there. Default: train in the data directory itself.",
    };
    static readonly Option<double> StopWaitSeconds = new("--stop-wait-seconds")
    {
        Description = "On SIGTERM or Ctrl-C, how long to wait for the trainer to write its checkpoint before giving the job back.", DefaultValueFactory = _ => 30,
    };

    public static Command Create()
    {
        var command = new Command("worker", "Run training jobs from the shared database queue (PostgreSQL or SQLite) on this machine's CPU or GPU, until stopped.")
        {
            DataDir, Provider, Postgres, Device, Name, Threads, LeaseSeconds, PollSeconds, StopWaitSeconds, ScratchDir,
        };
        command.SetAction((r, ct) => CliErrors.Run(() => RunAsync(r, ct)));
        return command;
    }

    static async Task<int> RunAsync(ParseResult r, CancellationToken ct)
    {
        string dataDir = Path.GetFullPath(DataDirectory.Resolve(r.GetValue(DataDir)));
        if (!Directory.Exists(dataDir)) throw new UserError($"--data-dir {dataDir}: the folder does not exist (it must be the shared data directory the web app uses)");
        double lease = r.GetValue(LeaseSeconds), poll = r.GetValue(PollSeconds);
        if (!(lease >= 1)) throw new UserError($"--lease-seconds {lease.ToString(CultureInfo.InvariantCulture)}: must be at least 1");
        if (!(poll > 0)) throw new UserError($"--poll-seconds {poll.ToString(CultureInfo.InvariantCulture)}: must be more than 0");
        if (r.GetValue(Threads) < 1) throw new UserError($"--threads {r.GetValue(Threads)}: must be at least 1");

        if (r.GetValue(ScratchDir) is { Length: > 0 } scratchDir)
        {
            try { Directory.CreateDirectory(scratchDir); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw new UserError($"--scratch-dir {scratchDir}: cannot create the folder ({ex.Message})"); }
        }

        var overrides = new Dictionary<string, string?>();
        if (r.GetValue(Provider) is { Length: > 0 } provider) overrides[DatabaseOptions.ProviderKey] = provider;
        if (r.GetValue(Postgres) is { Length: > 0 } postgres) overrides[DatabaseOptions.PostgresKey] = postgres;
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        DatabaseOptions database;
        try { database = DatabaseOptions.FromConfiguration(configuration, Path.Combine(dataDir, "assistantbuilder.db")); }
        catch (InvalidOperationException ex) { throw new UserError(ex.Message); }

        var device = WorkerDevice.Detect(r.GetValue(Device)!)[0];
        string name = r.GetValue(Name) is { Length: > 0 } n ? n : $"{Environment.MachineName}-{device.Name.Replace(':', '-')}";
        var options = new TrainingOptions
        {
            Threads = r.GetValue(Threads), LeaseSeconds = lease, PollSeconds = poll, StopWaitSeconds = r.GetValue(StopWaitSeconds),
            ScratchDir = r.GetValue(ScratchDir) is { Length: > 0 } scratch ? Path.GetFullPath(scratch) : null,
        };

        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            o.UseUtcTimestamp = true;
        }).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
        await using var services = new ServiceCollection().AddAppDatabase(database).BuildServiceProvider();
        var dbs = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        using var stop = new StopSignals(ct);
        await AppDatabase.MigrateAsync(dbs, stop.Token);

        var worker = new JobWorker(dbs, new SharedFolderStore(dataDir), NoJobFeed.Instance, options, device, name, loggers.CreateLogger("ab.worker"));
        await worker.RunAsync(stop.Token);
        Console.Error.WriteLine($"worker {name} stopped");
        return 0;
    }
}
