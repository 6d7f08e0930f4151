using System.Globalization;
using System.Text.Json;
using AssistantBuilder.Web.Training;

namespace AssistantBuilder.Web.Components.Training;

/// <summary>A line chart as plain data: x labels (steps) and series aligned to them (null where a series has no point).</summary>
public sealed record LineChartData(string[] Labels, IReadOnlyList<LineSeriesData> Series);

public sealed record LineSeriesData(string Name, double?[] Values);

/// <summary>One training step as the charts and the ETA use it.</summary>
public sealed record StepPoint(int Step, int TotalSteps, double Loss, double LearningRate, double TokensPerSecond, double ElapsedSeconds);

/// <summary>
/// A job's step and eval events turned into chart series: a step redone after a resume replaces the earlier one, and
/// long runs are thinned to a readable number of points (always keeping the first and the last).
/// </summary>
public sealed class JobChartData
{
    readonly SortedDictionary<int, StepPoint> _steps = [];
    readonly SortedDictionary<int, double> _evals = [];
    readonly List<StepPoint> _arrival = []; // in the order they came, for the current speed

    public int StepCount => _steps.Count;
    public int EvalCount => _evals.Count;

    /// <summary>Takes a step or eval event; false for the other kinds.</summary>
    public bool Add(JobEventDto e)
    {
        var d = e.Data;
        switch (e.Kind)
        {
            case "step":
                var point = new StepPoint(e.Step, Int(d, "total_steps"), Number(d, "loss"), Number(d, "learning_rate"), Number(d, "tokens_per_second"), Number(d, "elapsed_seconds"));
                _steps[e.Step] = point;
                _arrival.Add(point);
                if (_arrival.Count > 200) _arrival.RemoveRange(0, 100);
                return true;
            case "eval":
                _evals[e.Step] = Number(d, "eval_loss");
                return true;
            default:
                return false;
        }
    }

    /// <summary>The latest steps in the order they arrived (a resumed run's steps follow the earlier run's).</summary>
    public IReadOnlyList<StepPoint> RecentSteps(int count) => _arrival.TakeLast(count).ToList();

    public LineChartData Loss(int maxPoints = 120)
    {
        var sampled = Sample(_steps.Values.ToList(), maxPoints);
        var xs = sampled.Select(p => p.Step).Union(_evals.Keys).Order().ToArray();
        var train = sampled.ToDictionary(p => p.Step, p => p.Loss);
        var series = new List<LineSeriesData> { new("Training loss", xs.Select(x => train.TryGetValue(x, out var v) ? v : (double?)null).ToArray()) };
        if (_evals.Count > 0) series.Add(new("Validation loss", xs.Select(x => _evals.TryGetValue(x, out var v) ? v : (double?)null).ToArray()));
        return new(Labels(xs), series);
    }

    /// <summary>
    /// The learning rate scaled by a power of ten so that its peak reads between 10 and 100 (the chart's axis ticks
    /// are whole numbers); the series name says the scale, e.g. "Learning rate (×1e-5)".
    /// </summary>
    public LineChartData LearningRate(int maxPoints = 120)
    {
        double max = _steps.Values.Select(p => p.LearningRate).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        int exponent = max > 0 ? (int)Math.Floor(Math.Log10(max)) - 1 : 0;
        double scale = Math.Pow(10, -exponent);
        return Single(exponent == 0 ? "Learning rate" : $"Learning rate (×1e{exponent})", maxPoints, p => p.LearningRate * scale);
    }

    public LineChartData Throughput(int maxPoints = 120) => Single("Tokens/s", maxPoints, p => p.TokensPerSecond);

    LineChartData Single(string name, int maxPoints, Func<StepPoint, double> value)
    {
        var sampled = Sample(_steps.Values.ToList(), maxPoints);
        return new(Labels(sampled.Select(p => p.Step).ToArray()), [new(name, sampled.Select(p => (double?)value(p)).ToArray())]);
    }

    /// <summary>At most <paramref name="maxPoints"/> evenly spread points, the first and last included.</summary>
    public static List<T> Sample<T>(IReadOnlyList<T> points, int maxPoints)
    {
        if (points.Count <= maxPoints || maxPoints < 2) return points.ToList();
        return Enumerable.Range(0, maxPoints).Select(i => (int)Math.Round(i * (points.Count - 1) / (double)(maxPoints - 1)))
            .Distinct().Select(i => points[i]).ToList();
    }

    /// <summary>Step numbers as x labels, about eight of them shown so they never overlap (the rest blank).</summary>
    public static string[] Labels(int[] steps, int shown = 8)
    {
        int every = Math.Max(1, (int)Math.Ceiling(steps.Length / (double)shown));
        return steps.Select((s, i) => i % every == 0 || i == steps.Length - 1 ? s.ToString(CultureInfo.InvariantCulture) : "").ToArray();
    }

    static double Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;

    static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt32(out int i) ? i : 0;
}
