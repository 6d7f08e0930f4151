using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Core.Evaluation;

namespace AssistantBuilder.Core.Tests.Evaluation;

/// <summary>Every shipped sample domain loads as an eval set: prompts end before the reference answer, which holds every key fact.</summary>
public sealed class FactEvalSetTests
{
    [Theory]
    [InlineData("brightwave-support", 56, "train.jsonl")]
    [InlineData("harbor-lane-library", 52, "train.json")]
    [InlineData("crumb-and-co-faq", 53, "train.csv")]
    public void Loads_a_shipped_domain(string folder, int items, string train)
    {
        var set = FactEvalSet.Load(Path.Combine(SamplesDir(), folder));
        Assert.Equal(train, Path.GetFileName(set.TrainPath));
        Assert.Equal(items, set.Items.Count);
        Assert.All(set.Items, i =>
        {
            Assert.Equal("user", i.Prompt[^1].Role);
            Assert.All(i.Facts, f => Assert.True(FactMatcher.Contains(i.Reference, f), $"{i.Id}: {f}"));
        });
        Assert.Equal(set.AllFacts.Count, set.AllFacts.Distinct().Count());
    }

    [Fact]
    public void A_facts_file_out_of_step_with_the_eval_file_is_refused()
    {
        string dir = Directory.CreateTempSubdirectory("ab-facts-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "train.jsonl"), "");
            File.WriteAllLines(Path.Combine(dir, "eval.jsonl"), [
                """{"messages":[{"role":"user","content":"price of DSL 50?"},{"role":"assistant","content":"DSL 50 costs €19.99."}]}""",
            ]);
            File.WriteAllText(Path.Combine(dir, "facts.json"), """[{"question_id":"a","question":"speed of DSL 50?","facts":["50 Mbit/s"]}]""");
            var error = Assert.Throws<DatasetException>(() => FactEvalSet.Load(dir));
            Assert.Contains("speed of DSL 50?", error.Message);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    static string SamplesDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AssistantBuilder.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "data", "samples");
    }
}
