using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Training;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using static AssistantBuilder.Web.FunctionalTests.Training.JobTestData;

namespace AssistantBuilder.Web.FunctionalTests.Training;

/// <summary>The SignalR hub at /hubs/training: operators receive a job's events live; anonymous connections are refused.</summary>
public sealed class TrainingHubTests(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    static HubConnection Connect(WebAppFactory app, string? cookie) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.Server.BaseAddress, TrainingHub.Path), o =>
        {
            o.Transports = HttpTransportType.LongPolling;
            o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            if (cookie is not null) o.Headers["Cookie"] = cookie;
        })
        .Build();

    static async Task<string> SignInCookieAsync(WebAppFactory app)
    {
        var client = app.CreateClient(new() { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/account/login", new { email = WebAppFactory.Email, password = WebAppFactory.Password });
        response.EnsureSuccessStatusCode();
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    [Fact]
    public async Task An_operator_joined_to_a_job_receives_its_step_events_and_progress_live()
    {
        using var app = new JobsAppFactory();
        var client = await app.SignedInClientAsync();
        var model = await AddModelAsync(app, tiny.Model.Directory);
        var data = await AddDatasetAsync(app, copies: 2);

        await using var hub = Connect(app, await SignInCookieAsync(app));
        var received = new ConcurrentQueue<JobEventDto>();
        var finished = new TaskCompletionSource<JobProgressDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JobEventDto>("JobEvent", e => received.Enqueue(e));
        hub.On<JobProgressDto>("JobProgress", p => { if (p.Status is JobStatus.Completed or JobStatus.Failed) finished.TrySetResult(p); });
        await hub.StartAsync();

        // Queued behind nothing, but its trainer takes a moment to start: join before its first step.
        var job = await CreateJobAsync(client, model, data, new TrainingSettings { Epochs = 3, BatchSize = 2, LoraRank = 4 });
        var joined = await hub.InvokeAsync<JobDto?>("JoinJob", job.Id);
        Assert.Equal(job.Id, joined!.Id);

        var last = await finished.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(JobStatus.Completed, last.Status);
        var steps = received.Where(e => e.Kind == "step" && e.JobId == job.Id).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], steps.Select(e => e.Step));
        Assert.Equal(6, steps[^1].Data.GetProperty("total_steps").GetInt32());
        var stored = await EventsAsync(client, job.Id, "step");
        Assert.Equal(stored.Select(e => e.Id), steps.Select(e => e.Id)); // the same events the API keeps

        Assert.Null(await hub.InvokeAsync<JobDto?>("JoinJob", Guid.NewGuid()));
    }

    [Fact]
    public async Task An_anonymous_hub_connection_is_refused()
    {
        using var app = new WebAppFactory();
        await using var hub = Connect(app, cookie: null);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
