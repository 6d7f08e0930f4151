using AssistantBuilder.Testing;
using AssistantBuilder.Data;
using static AssistantBuilder.Web.FunctionalTests.Training.JobTestData;

namespace AssistantBuilder.Web.FunctionalTests.Training;

/// <summary>The app goes away mid-training; the next start resumes the job from its last checkpoint, automatically.</summary>
public class CrashRecoveryTests(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    /// <summary>The database the apps run on (<c>CrashRecoveryPostgresTests</c> runs this on PostgreSQL).</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task A_job_running_when_the_app_stops_abruptly_resumes_from_its_checkpoint_on_the_next_start()
    {
        string dataDir = TempDir.Create("web-crash");
        Guid jobId;
        int checkpointStep;
        long lastEventBefore;
        // StopWaitSeconds 0: the app does not wait for the trainer; the trainer only learns from its stdin closing.
        string? database;
        using (var first = new JobsAppFactory { DataDir = dataDir, KeepDataDir = true, StopWaitSeconds = 0, Provider = Provider })
        {
            database = first.PostgresConnection;
            var client = await first.SignedInClientAsync();
            var model = await AddModelAsync(first, tiny.Model.Directory);
            var data = await AddDatasetAsync(first, copies: 2);
            var job = await CreateJobAsync(client, model, data, new TrainingSettings { Epochs = 100, BatchSize = 2, LoraRank = 4, SaveEvery = 2 });
            jobId = job.Id;
            checkpointStep = (await NextEventAsync(first, e => e.JobId == jobId && e.Kind == "checkpoint")).Step;
            Assert.True((await GetJobAsync(client, jobId)).Status == JobStatus.Running);
            lastEventBefore = (await EventsAsync(client, jobId)).Max(e => e.Id);
        } // disposed while the job runs: it stays Running in the database

        using var second = new JobsAppFactory { DataDir = dataDir, Provider = Provider, PostgresConnection = database };
        var client2 = await second.SignedInClientAsync();
        var completed = await WaitForStatusAsync(client2, jobId, JobStatus.Completed);
        Assert.Equal((200, 2), (completed.Step, completed.Attempts));

        var after = await EventsAsync(client2, jobId, after: lastEventBefore);
        Assert.Contains(after, e => e.Kind == "log" && e.Data.GetProperty("line").GetString()!.Contains("resumes from its last checkpoint"));
        Assert.Contains("attempt 2: resuming from the last checkpoint", await client2.GetStringAsync($"/api/jobs/{jobId}/log"));
        // The first app may still have stored a few steps while it went down: the restart begins at attempt 2's note.
        after = after.SkipWhile(e => !(e.Kind == "log" && e.Data.GetProperty("line").GetString()!.StartsWith("attempt 2:"))).ToList();
        int firstStepAfterRestart = after.First(e => e.Kind == "step").Step;
        Assert.True(firstStepAfterRestart > checkpointStep, $"restarted at step {firstStepAfterRestart}, the checkpoint was at {checkpointStep}");
        var steps = after.Where(e => e.Kind == "step").Select(e => e.Step).ToList();
        Assert.Equal(Enumerable.Range(firstStepAfterRestart, 201 - firstStepAfterRestart), steps);
        Assert.True(File.Exists(Path.Combine(dataDir, completed.OutputDir, "adapter_model.safetensors")));
    }
}
