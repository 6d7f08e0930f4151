using System.Text.Json;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Engine.Tests.Cli;

/// <summary><c>ab compare</c> as a real process on the tiny random model with a small eval file.</summary>
public sealed class CompareCommandTests : IDisposable
{
    readonly TinyModel _tiny = TinyModel.Create(scale: 0.5f);
    readonly string _dir = TempDir.Create("compare");

    public void Dispose()
    {
        _tiny.Dispose();
        TempDir.Delete(_dir);
    }

    string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task Json_report_has_both_contestants_metrics_and_per_example_answers()
    {
        var eval = Write("eval.csv", "question,answer", "abc,hello", "bca,cab", "ccc,abc");
        var train = Write("train.csv", "question,answer", "abc please,hello", "cab,bca");
        var facts = Write("facts.json", """[{"question":"abc","facts":["hello"]},{"question":"bca","facts":["cab"]}]""");
        var r = await AbProcess.RunAsync("compare", "--model", _tiny.Directory, "--data", eval, "--examples", train, "--facts", facts,
            "--few-shot", "2", "--limit", "2", "--max-tokens", "6", "--system", "sys", "--device", "cpu", "--json");
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        var report = JsonDocument.Parse(r.Stdout).RootElement;
        var contestants = report.GetProperty("contestants").EnumerateArray().ToList();
        Assert.Equal(["FineTuned", "Prompted"], contestants.Select(c => c.GetProperty("kind").ToString()));
        Assert.All(contestants, c => Assert.True(c.GetProperty("perplexity").GetDouble() > 1));
        Assert.All(contestants, c => Assert.Equal(JsonValueKind.Number, c.GetProperty("fact_recall").ValueKind));
        var examples = report.GetProperty("examples").EnumerateArray().ToList();
        Assert.Equal(2, examples.Count); // --limit
        Assert.Equal("hello", examples[0].GetProperty("reference").GetString());
        Assert.Equal(["hello"], examples[0].GetProperty("facts").EnumerateArray().Select(f => f.GetString()));
        var answers = examples[0].GetProperty("answers").EnumerateArray().ToList();
        Assert.Equal(2, answers.Count);
        Assert.Equal(1, answers[1].GetProperty("few_shot_examples").GetInt32()); // only "abc please" shares a word
        Assert.Contains("metrics", report.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Table_output_shows_the_verdict_and_a_row_per_example_and_bad_input_is_one_line()
    {
        var eval = Write("eval.jsonl", """{"messages":[{"role":"user","content":"abc"},{"role":"assistant","content":"hello"}]}""");
        var r = await AbProcess.RunAsync("compare", "--model", _tiny.Directory, "--data", eval, "--max-tokens", "4", "--device", "cpu");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("fine-tuned vs prompted", r.Stdout);
        Assert.Contains("prompted (0-shot)", r.Stdout);
        Assert.Contains("  1  abc", r.Stdout);

        var missing = await AbProcess.RunAsync("compare", "--model", _tiny.Directory, "--data", Path.Combine(_dir, "nope.jsonl"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("eval file not found", missing.Stderr);
        var judge = await AbProcess.RunAsync("compare", "--model", _tiny.Directory, "--data", eval, "--judge");
        Assert.NotEqual(0, judge.ExitCode);
        Assert.Contains("--judge needs an external model", judge.Stderr);
    }
}
