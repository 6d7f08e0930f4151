using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssistantBuilder.Testing;
using AssistantBuilder.Data;
using AssistantBuilder.Web.FunctionalTests.Datasets;
using AssistantBuilder.Web.FunctionalTests.Training;
using AssistantBuilder.Web.Training;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>
/// kill -9 of the real app process while it trains the shipped default model; the next start resumes the job from its
/// last checkpoint and finishes it; the loss curve has no hole bigger than the checkpoint interval, and SQLite is intact.
/// </summary>
public sealed class KillDuringTrainingTests(ITestOutputHelper output)
{
    const string Email = "operator@example.com", Password = "correct horse battery";
    const int SaveEvery = 3;

    [Fact]
    public async Task The_app_killed_with_SIGKILL_mid_training_resumes_the_job_on_restart_and_finishes_with_a_continuous_curve()
    {
        string dataDir = TempDir.Create("web-kill9");
        try
        {
            Guid jobId;
            int totalSteps, lastStepBefore;
            var clock = Stopwatch.StartNew();
            using (var first = await AppProcess.StartAsync(dataDir, Email, Password))
            {
                using var client = await SignInAsync(first.Address);
                var model = (await client.GetFromJsonAsync<List<JsonElement>>("/api/models"))!.First(m => m.GetProperty("name").GetString() == "default");
                // 40 conversations of the Brightwave sample (36 for training), batches of 4, 3 epochs: 27 steps, a checkpoint every 3.
                var slice = File.ReadLines(DatasetUploads.SampleFile("brightwave-support", "train.jsonl")).Take(40);
                var upload = await client.PostAsync("/api/datasets", DatasetUploads.Form(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", slice) + "\n"), "slice.jsonl"));
                Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
                var dataset = await upload.Content.ReadFromJsonAsync<JsonElement>();
                var created = await client.PostAsJsonAsync("/api/jobs", new CreateJobRequest(model.GetProperty("id").GetGuid(),
                    dataset.GetProperty("dataset").GetProperty("id").GetGuid(), "kill -9", new TrainingSettings { Epochs = 3, BatchSize = 4, SaveEvery = SaveEvery }));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                var job = (await created.Content.ReadFromJsonAsync<JobDto>(DatasetUploads.Json))!;
                jobId = job.Id;

                // Past the second checkpoint, kill the app (not its trainer) with no chance to clean up.
                job = await JobTestData.WaitForAsync(client, jobId, j => j.Step >= 2 * SaveEvery + 1);
                var trainers = first.Children();
                await first.KillHardAsync();
                totalSteps = job.TotalSteps;
                lastStepBefore = job.Step;
                output.WriteLine($"killed at step {job.Step}/{totalSteps} after {clock.Elapsed.TotalSeconds:F0} s; orphaned trainers: {trainers.Count}");
                // The orphaned trainer sees its stdin close, writes a checkpoint and exits; the restarted app waits on its lock anyway.
                var orphanWatch = Stopwatch.StartNew();
                while (trainers.Any(AppProcess.IsRunning) && orphanWatch.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(100);
                output.WriteLine($"orphaned trainer gone after {orphanWatch.Elapsed.TotalSeconds:F1} s");
            }

            using var second = await AppProcess.StartAsync(dataDir, Email, Password);
            using var client2 = await SignInAsync(second.Address);
            var done = await JobTestData.WaitForAsync(client2, jobId, j => j.Status is JobStatus.Completed or JobStatus.Failed, seconds: 240);
            Assert.True(done.Status == JobStatus.Completed, $"the job ended {done.Status}: {done.Error}");
            Assert.Equal((totalSteps, 2), (done.Step, done.Attempts));

            var events = (await client2.GetFromJsonAsync<List<JobEventDto>>($"/api/jobs/{jobId}/events?kind=step", DatasetUploads.Json))!;
            // The curve as the job page draws it: one point per step (the latest attempt's where they overlap).
            var steps = events.Select(e => e.Step).Distinct().Order().ToList();
            Assert.Equal(totalSteps, steps[^1]);
            int biggestGap = steps.Zip(steps.Skip(1), (a, b) => b - a).Prepend(steps[0]).Max();
            Assert.True(biggestGap <= SaveEvery, $"a hole of {biggestGap} steps in the loss curve: {string.Join(",", steps)}");
            // Where attempt 2 began: the first step that does not follow its predecessor (none when it went on exactly).
            int restart = Enumerable.Range(1, events.Count - 1).FirstOrDefault(i => events[i].Step != events[i - 1].Step + 1);
            int resumedAt = restart > 0 ? events[restart].Step : lastStepBefore + 1;
            if (restart > 0) Assert.Equal(Enumerable.Range(resumedAt, totalSteps - resumedAt + 1), events.Skip(restart).Select(e => e.Step));
            else Assert.Equal(Enumerable.Range(1, totalSteps), events.Select(e => e.Step));
            output.WriteLine($"attempt 2 resumed at step {resumedAt} (last step seen before the kill: {lastStepBefore}); {events.Count} step events, " +
                $"{steps.Count} distinct steps, biggest gap {biggestGap}; whole test {clock.Elapsed.TotalSeconds:F0} s");
            Assert.True(resumedAt > lastStepBefore - SaveEvery, $"resumed at {resumedAt}, more than one checkpoint interval before {lastStepBefore}");
            Assert.True(File.Exists(Path.Combine(dataDir, done.OutputDir, "adapter_model.safetensors")));

            second.Dispose();
            using var db = new SqliteConnection($"Data Source={Path.Combine(dataDir, "assistantbuilder.db")};Pooling=False");
            db.Open();
            using var check = db.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
            check.CommandText = "PRAGMA foreign_key_check";
            Assert.Null(check.ExecuteScalar());
        }
        finally { TempDir.Delete(dataDir); }
    }

    static async Task<HttpClient> SignInAsync(Uri address)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        (await client.PostAsJsonAsync("/api/account/login", new { email = Email, password = Password })).EnsureSuccessStatusCode();
        return client;
    }
}
