using System.Text.Json;
using System.Text.Json.Nodes;
using AssistantBuilder.Engine.Tests.Support;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Engine.Tests.Cli;

/// <summary>
/// Issue 4's promise on a small slice of the Brightwave sample domain: fine-tuning the shipped default model with
/// ab train's default settings teaches it facts that it then states in answers to held-out questions phrased in new
/// ways, while the same base model with those facts in its system prompt does not state them. (The whole-set
/// benchmark is in docs/benchmarks.md.) Runs alone: it wants both cores. What it shows is recall of learned facts,
/// not yet that the model picks the right one for each question: on this slice the fine-tuned model tends to give one
/// answer that blends the slice's facts.
/// </summary>
[Collection(TorchRandomCollection.Name)]
public sealed class FineTuneDemoTests : IDisposable
{
    // Single-turn eval items, one distinctive fact each: the minimum term, the self-service app, Saturday hours.
    static readonly string[] EvalIds = ["brightwave-eval-017", "brightwave-eval-040", "brightwave-eval-033"];

    readonly string _slice = Directory.CreateTempSubdirectory("ab-finetune-demo-").FullName;

    [Fact]
    public async Task The_fine_tuned_default_model_states_learned_facts_that_the_prompted_base_model_does_not()
    {
        int trainCount = WriteSlice();
        Assert.InRange(trainCount, 40, 90);
        var r = await AbProcess.RunAsync(TimeSpan.FromMinutes(20), "bench", "finetune", "--model", Repo("data", "models", "default"), "--data", _slice, "--max-new-tokens", "40", "--json");
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        var result = JsonDocument.Parse(r.Stdout).RootElement;
        var training = result.GetProperty("training");
        Assert.StartsWith("learning rate, epochs, batch size: defaults for a model of 5.4M parameters", training.GetProperty("settings").GetString());

        var tuned = result.GetProperty("fine_tuned");
        var prompted = result.GetProperty("prompted");
        string answers = string.Join("\n", tuned.GetProperty("answers").EnumerateArray().Zip(prompted.GetProperty("answers").EnumerateArray())
            .Select(a => $"{a.First.GetProperty("id")}: fine-tuned \"{a.First.GetProperty("answer")}\", prompted \"{a.Second.GetProperty("answer")}\""));
        // Measured (seed 42) with the earlier 4-epoch defaults: fine-tuned 2 of 3 items, prompted none. The thresholds leave one item's margin.
        Assert.True(tuned.GetProperty("items_with_all_facts").GetInt32() >= 1 && tuned.GetProperty("partial_credit").GetDouble() >= 0.3,
            $"fine-tuned: {tuned.GetProperty("items_with_all_facts")} of 3 items\n{answers}");
        Assert.True(prompted.GetProperty("items_with_all_facts").GetInt32() == 0 && prompted.GetProperty("partial_credit").GetDouble() < 0.2,
            $"prompted: {prompted.GetProperty("items_with_all_facts")} of 3 items\n{answers}");
    }

    // The chosen eval items with their facts, and every training conversation that states one of those facts.
    int WriteSlice()
    {
        string domain = Repo("data", "samples", "brightwave-support");
        var facts = JsonNode.Parse(File.ReadAllText(Path.Combine(domain, "facts.json")))!.AsArray()
            .Where(f => EvalIds.Contains(f!["question_id"]!.GetValue<string>())).ToList();
        var keys = facts.SelectMany(f => f!["facts"]!.AsArray().Select(x => x!.GetValue<string>())).ToList();
        var eval = File.ReadAllLines(Path.Combine(domain, "eval.jsonl")).Where(l => EvalIds.Any(id => l.Contains($"\"{id}\""))).ToList();
        var train = File.ReadAllLines(Path.Combine(domain, "train.jsonl")).Where(line =>
            JsonNode.Parse(line)!["messages"]!.AsArray().Any(m => m!["role"]!.GetValue<string>() == "assistant"
                && keys.Any(k => m["content"]!.GetValue<string>().Contains(k, StringComparison.Ordinal)))).ToList();
        Assert.Equal(EvalIds.Length, eval.Count);
        File.WriteAllLines(Path.Combine(_slice, "train.jsonl"), train);
        File.WriteAllLines(Path.Combine(_slice, "eval.jsonl"), eval);
        File.WriteAllText(Path.Combine(_slice, "facts.json"), new JsonArray(facts.Select(f => f!.DeepClone()).ToArray()).ToJsonString());
        return train.Count;
    }

    static string Repo(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AssistantBuilder.sln"))) dir = dir.Parent;
        return Path.Combine([dir!.FullName, .. parts]);
    }

    public void Dispose() => Directory.Delete(_slice, recursive: true);
}
