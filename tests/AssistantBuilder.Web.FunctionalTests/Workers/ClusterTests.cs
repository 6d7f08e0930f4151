using System.Collections.Concurrent;
using System.Net.Http.Json;
using AssistantBuilder.Data;
using AssistantBuilder.Testing;
using AssistantBuilder.Web.FunctionalTests.Datasets;
using AssistantBuilder.Web.Training;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AssistantBuilder.Web.FunctionalTests.Workers;

/// <summary>
/// Two web processes (embedded worker off) and two <c>ab worker</c> processes on one SQLite database and data directory,
/// on loopback: jobs queued through either node split between the workers, none runs twice, progress reaches the
/// other node's hub live; a worker killed with SIGKILL has its job taken over from the checkpoint once its lease expires.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    static readonly TrainingSettings Quick = new() { Epochs = 2, BatchSize = 4, LoraRank = 4, LearningRate = 0.02, SaveEvery = 3 };

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // PostgreSQL (SKIP LOCKED claims) and the web nodes on a Redis backplane
    public async Task Jobs_queued_on_either_web_node_split_between_two_workers_run_once_each_and_stream_to_the_other_node(bool postgresAndRedis)
    {
        await using var cluster = await ClusterFixture.StartAsync(webs: 2, workers: 2, leaseSeconds: 30, copies: 6, postgresAndRedis);
        var (web1, _) = await ClusterFixture.SignInAsync(cluster.Webs[0]);
        var (web2, cookie2) = await ClusterFixture.SignInAsync(cluster.Webs[1]);

        // A client of node 2's hub, watching every job: progress of jobs queued on node 1 and run by ab workers must arrive.
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(cluster.Webs[1].Address, TrainingHub.Path), o => o.Headers["Cookie"] = cookie2)
            .Build();
        var progress = new ConcurrentQueue<JobProgressDto>();
        var steps = new ConcurrentQueue<JobEventDto>();
        hub.On<JobProgressDto>("JobProgress", p => progress.Enqueue(p));
        hub.On<JobEventDto>("JobEvent", e => steps.Enqueue(e));
        await hub.StartAsync();
        await hub.InvokeAsync("WatchAll");

        var jobs = new List<JobDto>
        {
            await cluster.QueueAsync(web1, Quick, "one"), await cluster.QueueAsync(web2, Quick, "two"),
            await cluster.QueueAsync(web1, Quick, "three"), await cluster.QueueAsync(web2, Quick, "four"),
        };
        Assert.NotNull(await hub.InvokeAsync<JobDto?>("JoinJob", jobs[0].Id));

        await cluster.UntilAsync(async db => await db.TrainingJobs.CountAsync(j => j.Status == JobStatus.Completed || j.Status == JobStatus.Failed) == 4,
            "the four jobs to finish", seconds: 180);
        var workers = await ReadAsync(cluster, db => db.Workers.ToDictionaryAsync(w => w.Id, w => w.Name));
        var ranBy = new Dictionary<Guid, string>();
        foreach (var queued in jobs)
        {
            var job = (await web2.GetFromJsonAsync<JobDto>($"/api/jobs/{queued.Id}", DatasetUploads.Json))!;
            Assert.True(job.Status == JobStatus.Completed, $"{job.Name}: {job.Status} {job.Error}");
            Assert.Equal((1, 6), (job.Attempts, job.Step)); // claimed once, run once
            Assert.True(File.Exists(Path.Combine(cluster.DataDir, job.OutputDir, "adapter_model.safetensors")));
            var events = (await web1.GetFromJsonAsync<List<JobEventDto>>($"/api/jobs/{job.Id}/events", DatasetUploads.Json))!;
            var by = events.Select(e => e.WorkerId).Distinct().ToList();
            Assert.True(by.Count == 1 && by[0] is Guid, $"{job.Name}'s events come from workers {string.Join(", ", by)}");
            Assert.Equal(Enumerable.Range(1, 6), events.Where(e => e.Kind == "step").Select(e => e.Step)); // one curve, no duplicates
            ranBy[job.Id] = workers[by[0]!.Value];
        }
        output.WriteLine(string.Join(", ", jobs.Select(j => $"{j.Name}: {ranBy[j.Id]}")));
        Assert.Equal(["w1", "w2"], ranBy.Values.Distinct().Order()); // both workers ran jobs

        // One job at a time per worker: the jobs each worker ran do not overlap in time.
        var spans = await ReadAsync(cluster, db => db.TrainingJobs.Select(j => new { j.Id, j.StartedAt, j.FinishedAt }).ToListAsync());
        foreach (var mine in spans.GroupBy(s => ranBy[s.Id]))
        {
            var ordered = mine.OrderBy(s => s.StartedAt).ToList();
            for (int i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].StartedAt >= ordered[i - 1].FinishedAt, $"{mine.Key} ran two jobs at once");
        }

        // Node 2's hub carried job one (queued on node 1, run by an ab worker) live: its steps and its progress.
        await Eventually.TrueAsync(() => progress.Any(p => p.JobId == jobs[0].Id && p.Status == JobStatus.Completed), "node 2's hub to report job one completed");
        Assert.Contains(progress, p => p.JobId == jobs[0].Id && p.Status == JobStatus.Running && p.Step > 0);
        Assert.Contains(steps, e => e.JobId == jobs[0].Id && e.Kind == "step");
        Assert.Equal(steps.Count, steps.Select(e => e.Id).Distinct().Count()); // each event once

        // SIGTERM: each worker stops cleanly and says so in the database.
        foreach (var worker in cluster.Workers) Assert.Equal(0, await worker.StopAsync(TimeSpan.FromSeconds(30)));
        Assert.True(await ReadAsync(cluster, db => db.Workers.AllAsync(w => w.StoppedAt != null)));
        Assert.Equal(["stopped", "stopped"], (await WorkersAsync(web1)).Select(w => w.State));
    }

    [Theory]
    [InlineData(false, true)] // SQLite, each worker training in its own scratch folder and storing checkpoints in the data directory
    [InlineData(true, false)] // PostgreSQL (SKIP LOCKED claims) and the web nodes on a Redis backplane; trainers write in the data directory
    public async Task A_worker_killed_mid_job_has_its_job_taken_over_by_the_other_from_the_checkpoint_once_the_lease_expires(bool postgresAndRedis, bool scratch)
    {
        await using var cluster = await ClusterFixture.StartAsync(webs: 1, workers: 2, leaseSeconds: 3, copies: 2, postgresAndRedis, scratch);
        var (web, _) = await ClusterFixture.SignInAsync(cluster.Webs[0]);
        // 4 conversations in batches of 2 for 50 epochs: 100 steps, a checkpoint every 2.
        const int total = 100;
        var queued = await cluster.QueueAsync(web, new TrainingSettings { Epochs = total / 2, BatchSize = 2, LoraRank = 4, SaveEvery = 2 }, "kill -9");

        await cluster.UntilAsync(db => db.TrainingJobEvents.AnyAsync(e => e.JobId == queued.Id && e.Kind == "checkpoint" && e.Step >= 4), "a checkpoint", seconds: 120);
        var owner = await ReadAsync(cluster, db => db.TrainingJobs.Where(j => j.Id == queued.Id)
            .Join(db.Workers, j => j.LeaseOwner, w => (Guid?)w.Id, (j, w) => new { w.Id, w.Name, w.Pid }).FirstAsync());
        var victim = cluster.Workers.Single(w => w.Pid == owner.Pid);
        var survivor = cluster.Workers.Single(w => w != victim);
        var listed = await WorkersAsync(web);
        Assert.Equal(("training", queued.Id, "cpu"), listed.Where(w => w.Name == victim.Name).Select(w => (w.State, w.JobId, w.Device)).Single());
        Assert.Equal("idle", listed.Single(w => w.Name == survivor.Name).State);
        await victim.KillHardAsync();
        var before = (await web.GetFromJsonAsync<JobDto>($"/api/jobs/{queued.Id}", DatasetUploads.Json))!;
        output.WriteLine($"killed {victim.Name} at step {before.Step}/{before.TotalSteps}");
        // Not heard from for two leases, the killed worker shows as silent (and its job moves to the survivor).
        await Eventually.TrueAsync(async () => (await WorkersAsync(web)).Single(w => w.Name == victim.Name).State == "silent", $"{victim.Name} to show as silent");

        await cluster.UntilAsync(async db => await db.TrainingJobs.AnyAsync(j => j.Id == queued.Id && (j.Status == JobStatus.Completed || j.Status == JobStatus.Failed)),
            "the job to finish on the other worker", seconds: 180);
        var done = (await web.GetFromJsonAsync<JobDto>($"/api/jobs/{queued.Id}", DatasetUploads.Json))!;
        Assert.True(done.Status == JobStatus.Completed, $"{done.Status}: {done.Error}\n{survivor.Output}");
        Assert.Equal((total, 2), (done.Step, done.Attempts));
        Assert.True(File.Exists(Path.Combine(cluster.DataDir, done.OutputDir, "adapter_model.safetensors")));

        var events = (await web.GetFromJsonAsync<List<JobEventDto>>($"/api/jobs/{queued.Id}/events", DatasetUploads.Json))!;
        var survivorId = await ReadAsync(cluster, db => db.Workers.Where(w => w.Name == survivor.Name).Select(w => w.Id).FirstAsync());
        int takeover = events.FindIndex(e => e.Kind == "log" && e.Data.GetProperty("line").GetString()!.StartsWith($"taken over from worker {owner.Id}", StringComparison.Ordinal));
        Assert.True(takeover > 0, "no takeover note: " + string.Join("\n", events.Where(e => e.Kind == "log").Select(e => e.Data.GetProperty("line").GetString())));
        Assert.All(events.Take(takeover), e => Assert.Equal(owner.Id, e.WorkerId)); // attempt 1: the killed worker
        Assert.All(events.Skip(takeover), e => Assert.Equal(survivorId, e.WorkerId)); // attempt 2: the survivor, alone
        var firstSteps = events.Take(takeover).Where(e => e.Kind == "step").Select(e => e.Step).ToList();
        var lastCheckpoint = events.Take(takeover).Where(e => e.Kind == "checkpoint").Max(e => e.Step);
        var resumed = events.Skip(takeover).Where(e => e.Kind == "step").Select(e => e.Step).ToList();
        // The loss curve continues: attempt 2 starts right after a checkpoint the first attempt wrote and goes on to the end.
        Assert.Equal(Enumerable.Range(1, firstSteps.Count), firstSteps);
        Assert.Equal(Enumerable.Range(resumed[0], total - resumed[0] + 1), resumed);
        if (scratch)
        {
            // From a checkpoint the killed worker stored: the last one recorded, or the one before when it died between
            // recording and storing it. (Its orphaned trainer wrote later ones only into its own scratch folder.)
            var charted = events.Take(takeover).Where(e => e.Kind == "checkpoint").Select(e => e.Step).ToList();
            Assert.True(charted.Contains(resumed[0] - 1) && resumed[0] - 1 >= lastCheckpoint - 2, $"attempt 2 began at {resumed[0]}; checkpoints {string.Join(",", charted)}");
            string job = Path.Combine("jobs", queued.Id.ToString("N"));
            Assert.False(Directory.Exists(Path.Combine(cluster.ScratchDir(survivor.Name), job))); // removed once stored
            Assert.True(Directory.Exists(Path.Combine(cluster.ScratchDir(victim.Name), job, "checkpoints")));
            var stored = Directory.GetDirectories(Path.Combine(cluster.DataDir, done.OutputDir, "checkpoints")).Select(Path.GetFileName).ToList();
            Assert.InRange(stored.Count, 1, 2); // the trainer keeps two; the store follows it
            string log = Path.Combine(cluster.DataDir, done.OutputDir, "train.log"); // stored once the job is recorded as completed
            await Eventually.TrueAsync(() => File.Exists(log) && File.ReadAllText(log).Contains("completed (exit code 0)"), "train.log with its last line in the data directory");
        }
        else
        {
            // From a checkpoint at least as late as the last one recorded. (The orphaned trainer goes on until it sees its stdin
            // close, then writes one more checkpoint: the steps it ran meanwhile are trained but not charted, nobody reading its output.)
            Assert.True(resumed[0] >= lastCheckpoint + 1, $"attempt 2 began at {resumed[0]}, before the checkpoint at {lastCheckpoint}");
        }
        output.WriteLine($"attempt 1: steps 1-{firstSteps[^1]} charted, last checkpoint charted {lastCheckpoint}; attempt 2 resumed at step {resumed[0]}");
    }

    static async Task<List<WorkerDto>> WorkersAsync(HttpClient web) => (await web.GetFromJsonAsync<List<WorkerDto>>("/api/workers", DatasetUploads.Json))!;

    static async Task<T> ReadAsync<T>(ClusterFixture cluster, Func<AppDbContext, Task<T>> read)
    {
        await using var db = cluster.Db.CreateDbContext();
        return await read(db);
    }
}
