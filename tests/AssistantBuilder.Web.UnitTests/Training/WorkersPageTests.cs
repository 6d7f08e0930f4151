using AssistantBuilder.Data;
using AssistantBuilder.Jobs;
using AssistantBuilder.Testing;
using AssistantBuilder.Web.Components.Training;
using AssistantBuilder.Web.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AssistantBuilder.Web.UnitTests.Training;

/// <summary>The workers page on a real SQLite file: each worker's state from its heartbeat, lease and stop time, and its job.</summary>
public sealed class WorkersPageTests : DatabaseTestContext
{
    public WorkersPageTests() : base("workers-page")
    {
        Services.Configure<TrainingOptions>(o => o.LeaseSeconds = 30);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<TrainingWorkers>();
    }

    [Fact]
    public async Task Lists_each_worker_with_its_device_state_and_job()
    {
        var now = DateTime.UtcNow;
        Worker Row(string name, string device, DateTime seen, DateTime? stopped = null) => new()
        {
            Name = name, Host = "box", Pid = 7, DeviceKind = device.StartsWith("cuda") ? "cuda" : "cpu", Device = device,
            MemoryBytes = device.StartsWith("cuda") ? 80L << 30 : null, LastSeenAt = seen, StoppedAt = stopped,
        };
        var gpu = Row("gpu-1", "cuda:0", now);
        await using (var db = CreateDb())
        {
            var model = new BaseModel { Name = "tiny", Path = "models/tiny", Architecture = "LlamaForCausalLM" };
            var dataset = new Dataset { Name = "chats", Format = "openai", OriginalFileName = "c.jsonl", StoredFile = "datasets/c.jsonl" };
            db.AddRange(gpu, Row("cpu-idle", "cpu", now), Row("cpu-killed", "cpu", now.AddMinutes(-5)), Row("old", "cpu", now.AddHours(-1), now.AddHours(-1)));
            db.TrainingJobs.Add(new TrainingJob
            {
                Name = "support v2", BaseModel = model, Dataset = dataset, Settings = new TrainingSettings(), Device = "cuda", OutputDir = "jobs/x",
                Status = JobStatus.Running, LeaseOwner = gpu.Id, LeaseExpiresAt = now.AddSeconds(30),
            });
            await db.SaveChangesAsync();
        }

        var cut = Render<WorkersPage>();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("tbody tr").Count));
        var rows = cut.FindAll("tbody tr").Select(r => r.TextContent).ToList();
        // Running ones by name, then the stopped.
        Assert.Contains("cpu-idle", rows[0]);
        Assert.Contains("idle", rows[0]);
        Assert.Contains("silent", rows[1]); // not heard from for more than two leases
        Assert.Contains("gpu-1", rows[2]);
        Assert.Contains("cuda:0 · 80.0 GiB", rows[2]);
        Assert.Contains("training", rows[2]);
        Assert.Contains("support v2", rows[2]);
        Assert.Contains("stopped", rows[3]);
        Assert.Contains("old", rows[3]);
    }
}
