using System.Collections.Concurrent;
using AssistantBuilder.Testing;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Training;
using AssistantBuilder.Web.Widget;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantBuilder.Web.FunctionalTests.Hosting;

/// <summary>
/// Two web nodes (real Kestrel, real SignalR clients) on one data directory: with a real Redis as the backplane a job
/// message published on node A reaches a client of node B exactly once; without it, it does not reach node B at all.
/// </summary>
public sealed class ScaleOutTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    readonly string _dataDir = TempDir.Create("cluster");
    // Each test gets its own channel prefix, so tests (and runs sharing AB_TEST_REDIS) never hear each other.
    readonly string _prefix = $"ab-test-{Guid.NewGuid():N}";

    [Fact]
    public async Task With_the_Redis_backplane_a_job_message_from_node_A_reaches_a_client_of_node_B_once()
    {
        using var a = new ClusterNode(_dataDir, redis.ConnectionString, _prefix);
        using var b = new ClusterNode(_dataDir, redis.ConnectionString, _prefix);
        Assert.IsType<RedisHubLifetimeManager<TrainingHub>>(b.Services.GetRequiredService<HubLifetimeManager<TrainingHub>>());
        Assert.IsType<RedisHubLifetimeManager<WidgetHub>>(b.Services.GetRequiredService<HubLifetimeManager<WidgetHub>>());
        Assert.Equal("DefaultHubLifetimeManager`1", BlazorHubManager(b).GetType().Name); // circuits stay on their node

        await using var onA = await WatchAsync(a);
        await using var onB = await WatchAsync(b);

        var first = Progress();
        Publish(a, first);
        await onB.WaitForAsync(first.JobId);
        await onA.WaitForAsync(first.JobId); // A's own clients get it too

        // Messages from one node arrive in order: once a later marker is in, any duplicate of the first would be too.
        var marker = Progress();
        Publish(a, marker);
        await onB.WaitForAsync(marker.JobId);
        Assert.Equal(1, onB.Count(first.JobId));
        Assert.Equal(1, onB.Count(marker.JobId));
    }

    [Fact]
    public async Task Without_a_backplane_a_job_message_from_node_A_does_not_reach_node_B()
    {
        using var a = new ClusterNode(_dataDir, redis: null, _prefix);
        using var b = new ClusterNode(_dataDir, redis: null, _prefix);
        Assert.IsNotType<RedisHubLifetimeManager<TrainingHub>>(b.Services.GetRequiredService<HubLifetimeManager<TrainingHub>>());

        await using var onA = await WatchAsync(a);
        await using var onB = await WatchAsync(b);

        var fromA = Progress();
        Publish(a, fromA);
        await onA.WaitForAsync(fromA.JobId); // sent: A's own client has it

        // B's clients hear B: once B's own later message is in, A's would have been too had it crossed over.
        var fromB = Progress();
        Publish(b, fromB);
        await onB.WaitForAsync(fromB.JobId);
        Assert.Equal(0, onB.Count(fromA.JobId));
    }

    static JobProgressDto Progress() =>
        new(Guid.NewGuid(), JobStatus.Running, 1, 10, 2.5, null, 1.0, 1, false, null, DateTime.UtcNow, null);

    /// <summary>As a node's job runner does: into the node's in-process feed, which its hub relay forwards.</summary>
    static void Publish(ClusterNode node, JobProgressDto p) => node.Services.GetRequiredService<JobEvents>().Publish(p);

    static object BlazorHubManager(ClusterNode node)
    {
        var componentHub = Type.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub, Microsoft.AspNetCore.Components.Server", throwOnError: true)!;
        return node.Services.GetRequiredService(typeof(HubLifetimeManager<>).MakeGenericType(componentHub));
    }

    static async Task<Watcher> WatchAsync(ClusterNode node)
    {
        var hub = await node.ConnectAsync(TrainingHub.Path);
        var watcher = new Watcher(hub);
        await hub.InvokeAsync("WatchAll");
        return watcher;
    }

    public void Dispose() => TempDir.Delete(_dataDir);

    /// <summary>A client watching every job's progress, counting what arrives per job.</summary>
    sealed class Watcher : IAsyncDisposable
    {
        readonly HubConnection _hub;
        readonly ConcurrentDictionary<Guid, int> _counts = new();
        readonly ConcurrentDictionary<Guid, TaskCompletionSource> _arrived = new();

        public Watcher(HubConnection hub)
        {
            _hub = hub;
            hub.On<JobProgressDto>("JobProgress", p =>
            {
                _counts.AddOrUpdate(p.JobId, 1, (_, n) => n + 1);
                Arrival(p.JobId).TrySetResult();
            });
        }

        TaskCompletionSource Arrival(Guid job) => _arrived.GetOrAdd(job, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        public Task WaitForAsync(Guid job) => Arrival(job).Task.WaitAsync(Timeout);

        public int Count(Guid job) => _counts.GetValueOrDefault(job);

        public ValueTask DisposeAsync() => _hub.DisposeAsync();
    }
}
