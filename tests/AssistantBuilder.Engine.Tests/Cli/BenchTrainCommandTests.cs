using System.Text.Json.Nodes;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Engine.Tests.Cli;

public sealed class BenchTrainCommandTests : IDisposable
{
    readonly TinyModel _tiny = TinyModel.Create(scale: 0.5f);

    [Fact]
    public async Task Measures_with_the_products_LoRA_dropout_and_the_training_heap()
    {
        var r = await AbProcess.RunAsync("bench", "train", "--model", _tiny.Directory, "--seq-len", "16", "--batch-size", "1", "--steps", "1", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = JsonNode.Parse(r.Stdout)!;
        Assert.Equal(new AssistantBuilder.Engine.Lora.LoraConfig().LoraDropout, json["lora_dropout"]!.GetValue<double>());
        Assert.Equal(OperatingSystem.IsLinux(), json["tuned_heap"]!.GetValue<bool>());
        Assert.True(json["result"]!["tokens_per_second"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task A_dropout_out_of_range_is_refused()
    {
        var r = await AbProcess.RunAsync("bench", "train", "--model", _tiny.Directory, "--seq-len", "16", "--batch-size", "1", "--steps", "1", "--lora-dropout", "1");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("LoRA dropout must be in [0, 1) (got 1)", r.Stderr);
    }

    public void Dispose() => _tiny.Dispose();
}
