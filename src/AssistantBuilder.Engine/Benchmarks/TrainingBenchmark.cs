using System.Diagnostics;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Training;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Benchmarks;

/// <summary>
/// LoRA training throughput (forward, backward, clip, AdamW step, as the trainer does) on random tokens, its
/// peak memory, and model FLOPs utilisation against the fp32 matrix-multiply peak measured in the same run.
/// </summary>
public static class TrainingBenchmark
{
    public static TrainingBenchResult Run(CausalLm model, int sequenceLength = 512, int batchSize = 4, int steps = 5)
    {
        var config = model.Config;
        var parameters = model.parameters().Where(p => p.requires_grad).ToList();
        using var optimizer = optim.AdamW(parameters, 1e-4);
        var batch = RandomBatch(config.VocabSize, batchSize, sequenceLength);
        model.train();
        Step(model, optimizer, parameters, batch); // warm-up: allocations, kernels, optimizer state
        // A shared VM's speed varies from moment to moment: interleave steps with peak measurements and keep the
        // best of each, so the utilisation is the best step against the best peak seen (a conservative ratio).
        double best = double.MaxValue, peak = 0;
        for (int i = 0; i < steps; i++)
        {
            var watch = Stopwatch.StartNew();
            Step(model, optimizer, parameters, batch);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            peak = Math.Max(peak, MatmulPeak.Measure(model.Device, repeats: 3));
        }
        double tokensPerSecond = batchSize * sequenceLength / best;
        double flopsPerToken = FlopsPerToken(model, sequenceLength);
        return new TrainingBenchResult(sequenceLength, batchSize, tokensPerSecond, flopsPerToken, peak,
            PeakResidentBytes(), parameters.Sum(p => p.numel()), model.DType.ToString(), model.Device.ToString(), get_num_threads());
    }

    static void Step(CausalLm model, TorchSharp.Modules.OptimizerHelper optimizer, List<TorchSharp.Modules.Parameter> parameters, CollatedBatch batch)
    {
        optimizer.zero_grad();
        using (var scope = NewDisposeScope())
        {
            var (sum, _) = CausalLoss.Sum(model, batch);
            (sum / CausalLoss.PredictedTokens(batch)).backward();
        }
        nn.utils.clip_grad_norm_(parameters, 1.0);
        optimizer.step();
    }

    /// <summary>
    /// Matmul FLOPs per trained token with frozen base weights: forward 2N plus the backward pass to the inputs 2N
    /// (no weight gradients but LoRA's), N being the weights used in matrix multiplies; attention adds 12·L·T·H·D
    /// (scores and weighted sum, forward and backward, as in the PaLM paper's appendix B).
    /// </summary>
    public static double FlopsPerToken(CausalLm model, int sequenceLength)
    {
        var c = model.Config;
        long matmul = model.named_parameters().Where(p => p.parameter.dim() == 2 && !p.name.Contains("embed_tokens")).Sum(p => p.parameter.numel());
        if (c.TieWordEmbeddings) matmul += (long)c.VocabSize * c.HiddenSize;
        long lora = model.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
        double attention = 12.0 * c.NumHiddenLayers * sequenceLength * c.NumAttentionHeads * c.HeadDim;
        return 4.0 * matmul + 6.0 * lora + attention;
    }

    static CollatedBatch RandomBatch(int vocab, int batch, int length)
    {
        var random = new Random(0);
        var ids = new long[batch, length];
        var mask = new bool[batch, length];
        for (int b = 0; b < batch; b++)
            for (int t = 0; t < length; t++) (ids[b, t], mask[b, t]) = (random.Next(vocab), true);
        return new CollatedBatch(ids, (long[,])ids.Clone(), mask, batch * length);
    }

    /// <summary>The process's peak resident memory (VmHWM), Linux only; 0 elsewhere.</summary>
    public static long PeakResidentBytes()
    {
        const string Path = "/proc/self/status";
        if (!File.Exists(Path)) return 0;
        var line = File.ReadLines(Path).FirstOrDefault(l => l.StartsWith("VmHWM:"));
        return line is null ? 0 : long.Parse(line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
