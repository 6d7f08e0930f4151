using System.Text.Json;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Engine.Tests.Cli;

/// <summary>The model shipped in data/models/default loads, answers in its chat format and stops at the end of its turn.</summary>
public class DefaultModelTests
{
    static string DefaultModel()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AssistantBuilder.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "data", "models", "default");
    }

    [Theory]
    [InlineData("Hello! How are you?")]
    [InlineData("What is the capital of France?")]
    [InlineData("Tell me about the sea.")]
    public async Task Answers_in_ChatML_and_stops_at_the_end_of_its_turn(string prompt)
    {
        var r = await AbProcess.RunAsync("generate", "--model", DefaultModel(), "--prompt", prompt, "--max-new-tokens", "80", "--temperature", "0", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.StartsWith("<|im_start|>system\n", json.GetProperty("prompt").GetString());
        Assert.EndsWith($"<|im_start|>user\n{prompt}<|im_end|>\n<|im_start|>assistant\n", json.GetProperty("prompt").GetString());
        Assert.Equal("stop", json.GetProperty("finish_reason").GetString());
        Assert.Equal(2, json.GetProperty("token_ids").EnumerateArray().Last().GetInt32()); // <|im_end|>
        string text = json.GetProperty("text").GetString()!;
        Assert.Matches(@"^[A-Z][\w ,'""!?.-]+[.!?""]$", text); // one or more short English sentences
    }
}
