using AssistantBuilder.Core.Comparison;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Core.Tests.Comparison;

/// <summary>Key-fact matching in the facts.json format of data/samples/README.md.</summary>
public sealed class KeyFactsTests
{
    [Fact]
    public void Facts_match_exactly_and_pair_with_eval_items_by_question_then_position()
    {
        var dir = TempDir.Create("facts");
        var path = Path.Combine(dir, "facts.json");
        File.WriteAllText(path, """
            [ { "question_id": "x-1", "question": "How much is DSL 50?", "facts": ["DSL 50", "€19.99"] },
              { "question_id": "x-2", "question": "Opening hours?", "facts": ["8:00–20:00"] } ]
            """);
        var facts = KeyFacts.Load(path);
        Assert.Equal(["DSL 50", "€19.99"], facts.For(" How much is DSL 50? ", 5, 9)!.Facts);
        Assert.Equal(["8:00–20:00"], facts.For("reworded", 1, 2)!.Facts); // same count: by position
        Assert.Null(facts.For("reworded", 1, 3));
        Assert.Equal(["€19.99"], KeyFacts.Found("It is €19.99 for dsl 50.", ["DSL 50", "€19.99"])); // case-sensitive
    }

    [Fact]
    public void A_file_that_is_not_a_facts_array_says_so()
    {
        var dir = TempDir.Create("facts");
        var path = Path.Combine(dir, "facts.json");
        File.WriteAllText(path, """{ "facts": [] }""");
        Assert.Contains("JSON array", Assert.Throws<FormatException>(() => KeyFacts.Load(path)).Message);
        File.WriteAllText(path, """[ { "question": "q" } ]""");
        Assert.Contains("item 1", Assert.Throws<FormatException>(() => KeyFacts.Load(path)).Message);
    }

    [Fact]
    public void The_shipped_sample_facts_load()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "AssistantBuilder.sln"))) root = Path.GetDirectoryName(root)!;
        var facts = KeyFacts.Load(Path.Combine(root, "data", "samples", "brightwave-support", "facts.json"));
        Assert.Equal(56, facts.Count);
    }
}
