using AssistantBuilder.Web.Components.Training;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Training;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AssistantBuilder.Web.UnitTests.Training;

/// <summary>bUnit: the job page's progress panel (percent, elapsed, time left) and status chip.</summary>
public sealed class JobProgressPanelTests : IAsyncLifetime
{
    // MudBlazor's services are only async-disposable, which xUnit 2 honours through IAsyncLifetime.
    readonly BunitContext _ctx = new();

    public JobProgressPanelTests()
    {
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>> parameters) where T : Microsoft.AspNetCore.Components.IComponent =>
        _ctx.Render(parameters);

    internal static JobDto Job(JobStatus status, int step, int total, double elapsed = 30, int? queuePosition = null) => new(
        Guid.NewGuid(), "job", Guid.NewGuid(), "tiny", Guid.NewGuid(), "chats", new TrainingSettings(), status, "cpu", queuePosition,
        DateTime.UtcNow, null, null, elapsed, 1, step, total, 1.5, null, null, false, "jobs/x");

    string Text(IRenderedComponent<JobProgressPanel> cut, string test) => cut.Find($"[data-test={test}]").TextContent.Trim();

    [Fact]
    public void A_running_job_shows_its_step_percentage_elapsed_time_and_the_time_left_at_its_speed()
    {
        var cut = Render<JobProgressPanel>(p => p.Add(x => x.Job, Job(JobStatus.Running, 50, 200, elapsed: 125)).Add(x => x.SecondsPerStep, 0.5));
        Assert.Equal("Step 50 / 200", Text(cut, "steps"));
        Assert.Equal("25%", Text(cut, "percent"));
        Assert.Equal("2m 05s", Text(cut, "elapsed"));
        Assert.Equal("1m 15s", Text(cut, "eta")); // 150 steps left at 0.5 s each
        Assert.Equal("1.5000", Text(cut, "train-loss"));
        Assert.Equal("–", Text(cut, "eval-loss"));
    }

    [Fact]
    public void Time_left_is_estimating_without_a_speed_waiting_when_queued_and_done_when_completed()
    {
        Assert.Equal("estimating…", Text(Render<JobProgressPanel>(p => p.Add(x => x.Job, Job(JobStatus.Running, 1, 200))), "eta"));
        Assert.Equal("waiting (#2 in queue)", Text(Render<JobProgressPanel>(p => p.Add(x => x.Job, Job(JobStatus.Queued, 0, 0, queuePosition: 2))), "eta"));
        var done = Render<JobProgressPanel>(p => p.Add(x => x.Job, Job(JobStatus.Completed, 200, 200)).Add(x => x.SecondsPerStep, 0.5));
        Assert.Equal("done", Text(done, "eta"));
        Assert.Equal("100%", Text(done, "percent"));
    }

    [Fact]
    public void The_status_chip_names_the_queue_position_and_a_pending_cancel()
    {
        var queued = Render<JobStatusChip>(p => p.Add(x => x.Status, JobStatus.Queued).Add(x => x.QueuePosition, 3));
        Assert.Contains("Queued · #3", queued.Markup);
        var cancelling = Render<JobStatusChip>(p => p.Add(x => x.Status, JobStatus.Running).Add(x => x.CancelRequested, true));
        Assert.Contains("Cancelling", cancelling.Markup);
    }
}
