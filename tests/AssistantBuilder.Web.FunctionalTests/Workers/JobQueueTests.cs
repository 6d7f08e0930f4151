using System.Collections.Concurrent;
using AssistantBuilder.Core.Storage;
using AssistantBuilder.Data;
using AssistantBuilder.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.FunctionalTests.Workers;

/// <summary>The shared queue on a real SQLite file (and, in JobQueuePostgresTests, on PostgreSQL with SKIP LOCKED): atomic claims, lease expiry and takeover, renewal, device fit, the relay lease.</summary>
public class JobQueueTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    static readonly WorkerDevice Cpu = new("cpu", "cpu", null);
    static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Workers_racing_for_the_queue_never_claim_the_same_job()
    {
        using var store = await QueueDatabase.CreateAsync(Provider);
        var jobs = await store.QueueAsync(12);
        var claims = new ConcurrentBag<(Guid Worker, Guid Job)>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var queue = new JobQueue(store.Factory);
            var me = Guid.NewGuid();
            await start.Task;
            while (await queue.ClaimAsync(me, Cpu, Lease) is { } claim) claims.Add((me, claim.JobId));
        })).ToList();
        start.SetResult();
        await Task.WhenAll(racers).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(jobs.Order(), claims.Select(c => c.Job).Order()); // each job once, none twice
        foreach (var (worker, job) in claims)
        {
            var stored = await store.JobAsync(job);
            Assert.Equal((JobStatus.Running, worker), (stored.Status, stored.LeaseOwner));
        }
    }

    [Fact]
    public async Task A_job_whose_lease_expired_is_taken_over_and_the_old_owner_learns_it_at_renewal()
    {
        using var store = await QueueDatabase.CreateAsync(Provider);
        var job = (await store.QueueAsync(1))[0];
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var queue = new JobQueue(store.Factory, clock);
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();

        var first = await queue.ClaimAsync(a, Cpu, Lease);
        Assert.Equal(new JobClaim(job, false, null), first);
        clock.Now += TimeSpan.FromSeconds(20);
        Assert.Null(await queue.ClaimAsync(b, Cpu, Lease)); // still leased
        Assert.True((await queue.RenewAsync(job, a, Lease)).Held); // renewed: now until +50 s
        clock.Now += TimeSpan.FromSeconds(25);
        Assert.Null(await queue.ClaimAsync(b, Cpu, Lease));

        // What a's attempt loaded while it held the lease (as JobAttempt does before each save).
        await using var db = await store.Factory.CreateDbContextAsync();
        var stale = await db.TrainingJobs.FirstAsync(j => j.Id == job);

        clock.Now += TimeSpan.FromSeconds(31); // a fell silent past its lease
        var takeover = await queue.ClaimAsync(b, Cpu, Lease);
        Assert.Equal(new JobClaim(job, true, a), takeover);
        Assert.False((await queue.RenewAsync(job, a, Lease)).Held);
        Assert.Equal(b, (await store.JobAsync(job)).LeaseOwner);

        // a's save is refused now that the lease is b's (LeaseOwner is a concurrency token).
        stale.Step = 99;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.Equal(0, (await store.JobAsync(job)).Step);
    }

    [Fact]
    public async Task Renewal_carries_a_cancel_request_and_a_released_job_is_claimable_again()
    {
        using var store = await QueueDatabase.CreateAsync(Provider);
        var job = (await store.QueueAsync(1))[0];
        var queue = new JobQueue(store.Factory);
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        Assert.NotNull(await queue.ClaimAsync(a, Cpu, Lease));
        Assert.Equal(new LeaseRenewal(true, false), await queue.RenewAsync(job, a, Lease));
        await using (var db = await store.Factory.CreateDbContextAsync())
            await db.TrainingJobs.Where(j => j.Id == job).ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true));
        Assert.Equal(new LeaseRenewal(true, true), await queue.RenewAsync(job, a, Lease));

        Assert.False(await queue.ReleaseIfHeldAsync(job, b)); // not b's to release
        Assert.True(await queue.ReleaseIfHeldAsync(job, a));
        var released = await store.JobAsync(job);
        Assert.Equal((JobStatus.Queued, null, null), (released.Status, released.LeaseOwner, released.LeaseExpiresAt));
        Assert.Equal(new JobClaim(job, false, null), await queue.ClaimAsync(b, Cpu, Lease));
    }

    [Fact]
    public async Task Workers_take_only_the_jobs_their_device_fits()
    {
        using var store = await QueueDatabase.CreateAsync(Provider);
        var queue = new JobQueue(store.Factory);
        var gpu1 = (await store.QueueAsync(1, "cuda:1"))[0];
        var anyGpu = (await store.QueueAsync(1, "cuda"))[0];
        var any = (await store.QueueAsync(1, "auto"))[0];
        var cpu = (await store.QueueAsync(1, "cpu"))[0];
        WorkerDevice gpu0Device = new("cuda", "cuda:0", 80L << 30), gpu1Device = new("cuda", "cuda:1", 80L << 30);

        // CPU worker: the auto job and the cpu job, never a CUDA one.
        Assert.Equal(any, (await queue.ClaimAsync(Guid.NewGuid(), Cpu, Lease))?.JobId);
        Assert.Equal(cpu, (await queue.ClaimAsync(Guid.NewGuid(), Cpu, Lease))?.JobId);
        Assert.Null(await queue.ClaimAsync(Guid.NewGuid(), Cpu, Lease));
        // cuda:0 takes "cuda" (any GPU) but not a job pinned to cuda:1; cuda:1 takes that one.
        Assert.Equal(anyGpu, (await queue.ClaimAsync(Guid.NewGuid(), gpu0Device, Lease))?.JobId);
        Assert.Null(await queue.ClaimAsync(Guid.NewGuid(), gpu0Device, Lease));
        Assert.Equal(gpu1, (await queue.ClaimAsync(Guid.NewGuid(), gpu1Device, Lease))?.JobId);
    }

    [Fact]
    public async Task A_worker_leaves_a_job_whose_estimated_memory_exceeds_its_device_for_a_bigger_one()
    {
        using var store = await QueueDatabase.CreateAsync(Provider);
        var queue = new JobQueue(store.Factory);
        var storage = new SharedFolderStore(Path.GetTempPath());
        var big = (await store.QueueAsync(1, "cuda", await store.AddModelAsync(7_000_000_000)))[0]; // 14 GB of bf16 weights alone
        var small = (await store.QueueAsync(1, "cuda", await store.AddModelAsync(135_000_000)))[0];
        WorkerDevice small16 = new("cuda", "cuda:0", 16L << 30), large80 = new("cuda", "cuda:1", 80L << 30);
        Func<WorkerDevice, Func<TrainingJob, Task<bool>>> fits = d => job => JobMemory.FitsAsync(job, d, storage);

        // The 16 GB GPU passes over the older 7B job (weights + allowances > 16 GB) and takes the 135M one.
        Assert.Equal(small, (await queue.ClaimAsync(Guid.NewGuid(), small16, Lease, fits: fits(small16)))?.JobId);
        Assert.Null(await queue.ClaimAsync(Guid.NewGuid(), small16, Lease, fits: fits(small16)));
        Assert.Equal(JobStatus.Queued, (await store.JobAsync(big)).Status);
        // The 80 GB one takes it.
        Assert.Equal(big, (await queue.ClaimAsync(Guid.NewGuid(), large80, Lease, fits: fits(large80)))?.JobId);
    }

    [Fact]
    public void The_memory_estimate_counts_weights_activations_and_logits()
    {
        var model = new BaseModel { Name = "smol", Path = "x", Parameters = 134_515_008, ContextLength = 2048 };
        var config = new AssistantBuilder.Engine.Modeling.ModelConfig { HiddenSize = 576, NumHiddenLayers = 30, VocabSize = 49_152 };
        var settings = new TrainingSettings { BatchSize = 8, MaxSeqLen = 1024 };
        long tokens = 8 * 1024;
        long expected = 134_515_008L * 2 + tokens * 30 * 34 * 576 + tokens * 49_152 * 8 + (1L << 30);
        Assert.Equal(expected, JobMemory.EstimateBytes(model, settings, "cuda", config));
        // On the CPU: fp32 weights and activations, no CUDA allowance; without a config, weights and half again.
        Assert.Equal(134_515_008L * 4 + tokens * 30 * 34 * 576 * 2 + tokens * 49_152 * 8, JobMemory.EstimateBytes(model, settings, "cpu", config));
        Assert.Equal(134_515_008L * 2 * 3 / 2 + (1L << 30), JobMemory.EstimateBytes(model, settings, "cuda", null));
    }

    [Fact]
    public async Task One_node_at_a_time_holds_the_relay_lease_until_it_expires_or_is_released()
    {
        using var store = await QueueDatabase.CreateAsync(Provider);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var leases = new NamedLeases(store.Factory, clock);
        var length = TimeSpan.FromSeconds(10);
        Assert.True(await leases.TryAcquireAsync("hub-relay", "a", length));
        Assert.False(await leases.TryAcquireAsync("hub-relay", "b", length));
        clock.Now += TimeSpan.FromSeconds(8);
        Assert.True(await leases.TryAcquireAsync("hub-relay", "a", length)); // renewed until +18 s
        clock.Now += TimeSpan.FromSeconds(8);
        Assert.False(await leases.TryAcquireAsync("hub-relay", "b", length));
        clock.Now += TimeSpan.FromSeconds(11);
        Assert.True(await leases.TryAcquireAsync("hub-relay", "b", length)); // a went silent
        Assert.False(await leases.TryAcquireAsync("hub-relay", "a", length));
        await leases.ReleaseAsync("hub-relay", "b");
        Assert.True(await leases.TryAcquireAsync("hub-relay", "a", length));
    }
}
