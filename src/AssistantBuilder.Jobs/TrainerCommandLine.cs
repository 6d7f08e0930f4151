using System.Globalization;
using AssistantBuilder.Data;

namespace AssistantBuilder.Jobs;

/// <summary>The <c>ab train</c> arguments for a job: its settings, JSON events, bounded threads, and stop-with-parent.</summary>
public static class TrainerCommandLine
{
    public static List<string> Arguments(TrainingSettings s, string modelDir, string dataFile, string outputDir, string device, int threads, bool resume)
    {
        var args = new List<string>
        {
            "train", "--model", modelDir, "--data", dataFile, "--out", outputDir, "--device", device, "--json", "--exit-with-parent",
            "--threads", Number(threads),
        };
        // Unset ones are left to ab train, which picks them by the model's size.
        if (s.Epochs is int epochs) args.AddRange(["--epochs", Number(epochs)]);
        if (s.LearningRate is double lr) args.AddRange(["--learning-rate", Number(lr)]);
        if (s.BatchSize is int batch) args.AddRange(["--batch-size", Number(batch)]);
        args.AddRange([
            "--lora-rank", Number(s.LoraRank), "--lora-alpha", Number(s.LoraAlpha), "--lora-dropout", Number(s.LoraDropout),
            "--grad-accum", Number(s.GradAccum), "--max-seq-len", Number(s.MaxSeqLen),
            "--warmup-ratio", Number(s.WarmupRatio), "--save-every", Number(s.SaveEvery), "--eval-every", Number(s.EvalEvery),
            "--seed", Number(s.Seed),
        ]);
        if (resume) args.Add("--resume");
        return args;
    }

    static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    static string Number(int v) => v.ToString(CultureInfo.InvariantCulture);
}
