using System.Net.Http.Json;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Training;
using static AssistantBuilder.Web.FunctionalTests.Training.JobTestData;

namespace AssistantBuilder.Web.FunctionalTests.Training;

/// <summary>The job runner with real <c>ab train</c> child processes on a tiny model: queueing, cancel and resume, failure.</summary>
public class JobRunnerTests(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    /// <summary>The database the apps run on (<c>JobRunnerPostgresTests</c> runs these on PostgreSQL).</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    static readonly TrainingSettings Quick = new() { Epochs = 2, BatchSize = 4, LoraRank = 4, LearningRate = 0.02, SaveEvery = 3 };
    // 4 conversations in batches of 2 for 100 epochs: 200 steps, long enough to act while it runs and still seconds in all.
    static readonly TrainingSettings Long = new() { Epochs = 100, BatchSize = 2, LoraRank = 4, SaveEvery = 2 };

    [Fact]
    public async Task Jobs_run_one_at_a_time_in_order_to_completion_with_step_events_and_an_adapter()
    {
        using var app = new JobsAppFactory { Provider = Provider };
        var client = await app.SignedInClientAsync();
        var model = await AddModelAsync(app, tiny.Model.Directory);
        var data = await AddDatasetAsync(app, copies: 6); // 12 conversations: 11 train (3 batches of 4), 1 validation

        var first = await CreateJobAsync(client, model, data, Quick, "first");
        var second = await CreateJobAsync(client, model, data, Quick, "second");
        Assert.Equal(JobStatus.Queued, second.Status);

        await WaitForStatusAsync(client, first.Id, JobStatus.Running);
        var waiting = await GetJobAsync(client, second.Id);
        Assert.Equal(JobStatus.Queued, waiting.Status);
        Assert.Equal(1, waiting.QueuePosition);
        var listed = (await client.GetFromJsonAsync<List<JobDto>>("/api/jobs"))!;
        Assert.Equal([second.Id, first.Id], listed.Select(j => j.Id)); // newest first
        Assert.Equal(1, listed[0].QueuePosition);

        var done1 = await WaitForStatusAsync(client, first.Id, JobStatus.Completed);
        var done2 = await WaitForStatusAsync(client, second.Id, JobStatus.Completed);
        Assert.True(done2.StartedAt >= done1.FinishedAt, $"second started {done2.StartedAt:O} before the first finished {done1.FinishedAt:O}");

        foreach (var job in new[] { done1, done2 })
        {
            Assert.Equal((6, 6), (job.Step, job.TotalSteps));
            Assert.NotNull(job.TrainLoss);
            Assert.NotNull(job.EvalLoss);
            Assert.True(job.ElapsedSeconds > 0);
            Assert.Equal(1, job.Attempts);
            Assert.Equal(job.OutputDir, job.AdapterDir);
            string dir = Path.Combine(app.DataDir, job.OutputDir);
            Assert.True(File.Exists(Path.Combine(dir, "adapter_model.safetensors")));
            Assert.True(File.Exists(Path.Combine(dir, "adapter_config.json")));
            var steps = await EventsAsync(client, job.Id, "step");
            Assert.Equal([1, 2, 3, 4, 5, 6], steps.Select(e => e.Step));
            Assert.True(steps[0].Data.GetProperty("loss").GetDouble() > 0);
            var kinds = (await EventsAsync(client, job.Id)).Select(e => e.Kind).ToHashSet();
            Assert.Superset(new HashSet<string> { "data", "step", "eval", "checkpoint", "done", "log" }, kinds);
            var log = await client.GetStringAsync($"/api/jobs/{job.Id}/log");
            Assert.Contains("step 6/6", log);
            Assert.Contains("completed (exit code 0)", log);
        }
        var data1 = (await EventsAsync(client, first.Id, "data")).Single();
        Assert.Equal(1, data1.Data.GetProperty("threads").GetInt32()); // Training:Threads reached ab train

        // The pages render them (server prerendering runs the components' loading code).
        var list = await client.GetStringAsync("/jobs");
        Assert.Contains("first", list);
        Assert.Contains("New fine-tune", list);
        var page = await client.GetStringAsync($"/jobs/{first.Id}");
        Assert.Contains("Step 6 / 6", page);
        Assert.Contains("Validation loss", page);
        Assert.Contains("<svg", page); // the loss, learning-rate and speed charts
        Assert.Contains("step 6/6", page); // the log panel
        var form = await client.GetStringAsync("/jobs/new");
        Assert.Contains("leave blank for the model", form);
        Assert.Contains("chats (12 conversations)", form); // the newest dataset is picked
    }

    [Fact]
    public async Task A_cancelled_job_stops_at_a_checkpoint_and_resume_continues_it_to_completion()
    {
        using var app = new JobsAppFactory { Provider = Provider };
        var client = await app.SignedInClientAsync();
        var model = await AddModelAsync(app, tiny.Model.Directory);
        var data = await AddDatasetAsync(app, copies: 2);

        var job = await CreateJobAsync(client, model, data, Long with { SaveEvery = 1000 });
        await NextEventAsync(app, e => e.JobId == job.Id && e.Kind == "step");
        var cancelling = await client.PostAsync($"/api/jobs/{job.Id}/cancel", null);
        Assert.True(cancelling.IsSuccessStatusCode, await cancelling.Content.ReadAsStringAsync());

        var cancelled = await WaitForStatusAsync(client, job.Id, JobStatus.Cancelled);
        Assert.InRange(cancelled.Step, 1, 199);
        var checkpoint = (await EventsAsync(client, job.Id, "checkpoint")).Last();
        Assert.True(Directory.Exists(Path.Combine(app.DataDir, job.OutputDir, "checkpoints")));
        long lastEvent = (await EventsAsync(client, job.Id)).Max(e => e.Id);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await client.PostAsync($"/api/jobs/{job.Id}/cancel", null)).StatusCode);

        var resuming = await client.PostAsync($"/api/jobs/{job.Id}/resume", null);
        Assert.True(resuming.IsSuccessStatusCode, await resuming.Content.ReadAsStringAsync());
        var completed = await WaitForStatusAsync(client, job.Id, JobStatus.Completed);
        Assert.Equal((200, 200, 2), (completed.Step, completed.TotalSteps, completed.Attempts));
        var resumedSteps = (await EventsAsync(client, job.Id, "step", lastEvent)).Select(e => e.Step).ToList();
        Assert.Equal(Enumerable.Range(checkpoint.Step + 1, 200 - checkpoint.Step), resumedSteps); // continuous from the checkpoint
    }

    [Fact]
    public async Task A_failing_job_shows_why_and_can_be_deleted_with_its_folder()
    {
        using var app = new JobsAppFactory { Provider = Provider };
        var client = await app.SignedInClientAsync();
        var model = await AddModelAsync(app, tiny.Model.Directory);
        var empty = await AddDatasetAsync(app, copies: 0, content: "");

        var job = await CreateJobAsync(client, model, empty, Quick);
        var failed = await WaitForStatusAsync(client, job.Id, JobStatus.Failed);
        Assert.Contains("empty", failed.Error);
        Assert.Contains("failed (exit code 2)", await client.GetStringAsync($"/api/jobs/{job.Id}/log"));

        string dir = Path.Combine(app.DataDir, job.OutputDir);
        Assert.True(Directory.Exists(dir));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/jobs/{job.Id}")).StatusCode);
        Assert.False(Directory.Exists(dir));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/api/jobs/{job.Id}")).StatusCode);
    }
}
