using System.Text.Json;
using AssistantBuilder.Core.Training;

namespace AssistantBuilder.Cli.Commands;

/// <summary>What the import kept and rejected, before training starts (stderr, or a JSON "data" event).</summary>
static class TrainReport
{
    public static void Data(PreparedData data, bool json)
    {
        var s = data.Import.Statistics;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                @event = "data", format = data.Import.Format.ToString().ToLowerInvariant(), train_examples = data.Train.Count,
                validation_examples = data.Validation.Count, rejected = data.Rejected.Select(x => new { line = x.Line, reason = x.Reason }),
                duplicates = s.Duplicates, min_tokens = s.MinTokens, median_tokens = s.MedianTokens, max_tokens = s.MaxTokens,
                threads = TorchSharp.torch.get_num_threads(),
            }, JsonDefaults.Snake));
            return;
        }
        Console.Error.WriteLine($"data: {data.Import.Format} format, {data.Train.Count} training and {data.Validation.Count} validation conversations, " +
            $"{data.Rejected.Count} rejected, {s.Duplicates} duplicates dropped; tokens min {s.MinTokens}, median {s.MedianTokens}, max {s.MaxTokens}; {TorchSharp.torch.get_num_threads()} threads");
        foreach (var rejected in data.Rejected.Take(20)) Console.Error.WriteLine($"  line {rejected.Line}: {rejected.Reason}");
        if (data.Rejected.Count > 20) Console.Error.WriteLine($"  ... and {data.Rejected.Count - 20} more");
    }

    /// <summary>The learning rate, epochs and batch size the run uses and which were defaults (a "settings" event, or a line on stderr).</summary>
    public static void Settings(FineTuneSetup setup, bool json)
    {
        var o = setup.Options;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                @event = "settings", learning_rate = o.LearningRate, epochs = o.Epochs, batch_size = o.BatchSize, defaults = setup.Defaulted,
                base_parameters = setup.BaseParameters,
            }, JsonDefaults.Snake));
            return;
        }
        Console.Error.WriteLine($"learning rate {o.LearningRate:G}, {o.Epochs} epochs, batch size {o.BatchSize} ({setup.Source})");
    }
}
