using System.Text.Json;
using AssistantBuilder.Web.Components.Training;
using AssistantBuilder.Web.Training;

namespace AssistantBuilder.Web.UnitTests.Training;

public sealed class JobChartDataTests
{
    static long _id;
    static readonly Guid Job = Guid.NewGuid();

    static JobEventDto Step(int step, double loss, double elapsed, int total = 10) => Event("step", step,
        $$"""{"event":"step","step":{{step}},"total_steps":{{total}},"loss":{{loss}},"learning_rate":0.0002,"tokens_per_second":100,"elapsed_seconds":{{elapsed}}}""");

    static JobEventDto Eval(int step, double loss) => Event("eval", step, $$"""{"event":"eval","step":{{step}},"eval_loss":{{loss}}}""");

    static JobEventDto Event(string kind, int step, string json) => new(++_id, Job, kind, step, DateTime.UtcNow, JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Steps_redone_after_a_resume_replace_the_earlier_ones_and_validation_points_line_up_with_their_steps()
    {
        var data = new JobChartData();
        foreach (var e in new[] { Step(1, 3.0, 1), Step(2, 2.5, 2), Step(3, 2.9, 3), Eval(2, 2.7) }) data.Add(e);
        data.Add(Step(3, 2.2, 0.5)); // the resumed run redoes step 3 from the checkpoint at step 2
        Assert.False(data.Add(Event("log", 0, """{"line":"x"}""")));

        var loss = data.Loss();
        Assert.Equal(["1", "2", "3"], loss.Labels);
        Assert.Equal([3.0, 2.5, 2.2], loss.Series[0].Values);
        Assert.Equal("Validation loss", loss.Series[1].Name);
        Assert.Equal([null, 2.7, null], loss.Series[1].Values);
        var lr = data.LearningRate().Series[0];
        Assert.Equal("Learning rate (×1e-5)", lr.Name); // 2e-4 reads as 20 × 1e-5
        Assert.All(lr.Values, v => Assert.Equal(20, v!.Value, 9));
    }

    [Fact]
    public void Long_runs_are_thinned_keeping_the_first_and_last_step_with_a_few_labels()
    {
        var data = new JobChartData();
        for (int s = 1; s <= 1000; s++) data.Add(Step(s, 1.0 / s, s, total: 1000));
        var chart = data.Throughput(maxPoints: 100);
        Assert.Equal(100, chart.Labels.Length);
        Assert.Equal("1", chart.Labels[0]);
        Assert.Equal("1000", chart.Labels[^1]);
        Assert.InRange(chart.Labels.Count(l => l != ""), 8, 10);
        Assert.All(chart.Series[0].Values, v => Assert.Equal(100, v));
    }

    [Fact]
    public void The_speed_comes_from_the_current_attempt_only()
    {
        var data = new JobChartData();
        foreach (var e in new[] { Step(1, 3, 10), Step(2, 3, 20), Step(3, 3, 30), Step(3, 3, 2), Step(4, 3, 3), Step(5, 3, 4) }) data.Add(e);
        Assert.Equal(1.0, JobTiming.SecondsPerStep(data.RecentSteps(20))); // 1 s/step after the restart, not 10
        Assert.Null(JobTiming.SecondsPerStep(new JobChartData().RecentSteps(20)));
        Assert.Equal("1h 02m", JobTiming.Format(TimeSpan.FromMinutes(62.5)));
        Assert.Equal("12s", JobTiming.Format(TimeSpan.FromSeconds(12.4)));
    }
}
