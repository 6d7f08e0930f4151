using System.Diagnostics;
using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Benchmarks;

/// <summary>
/// Prefill and decode throughput at batch 1 on a model with random weights, next to the machine's measured
/// memory bandwidth: decode of one token must read every weight once, so bandwidth / weight bytes bounds it.
/// </summary>
public static class InferenceBenchmark
{
    /// <summary>SmolLM2-135M's shape (HuggingFaceTB/SmolLM2-135M config.json).</summary>
    public static ModelConfig SmolLm2_135M { get; } = new()
    {
        Architecture = "LlamaForCausalLM", VocabSize = 49152, HiddenSize = 576, IntermediateSize = 1536, NumHiddenLayers = 30,
        NumAttentionHeads = 9, NumKeyValueHeads = 3, HeadDim = 64, RmsNormEps = 1e-5, RopeTheta = 100000,
        MaxPositionEmbeddings = 8192, TieWordEmbeddings = true, EosTokenIds = [0],
    };

    public static InferenceBenchResult Run(ModelConfig config, Device device, ScalarType dtype, int promptTokens = 128, int decodeTokens = 64, int repeats = 5, int pairs = 48)
    {
        manual_seed(0);
        using var model = new CausalLm(config, device, dtype);
        model.eval();
        long parameters = model.parameters().Sum(p => p.numel());
        // Per token, decode reads every weight once, except the embedding rows it does not look up (tied: lm_head reads them all).
        long embedding = config.TieWordEmbeddings ? 0 : (long)config.VocabSize * config.HiddenSize;
        double weightBytes = (parameters - embedding) * (double)model.parameters().First().ElementSize;
        var prompt = randint(config.VocabSize, [1, promptTokens], device: device);
        // This machine is a shared VM: interleave decode and bandwidth runs and keep the best of each, so the
        // fraction compares like with like (a slow moment lowers both, and the bound uses the fastest bandwidth seen).
        TimePrefill(model, prompt);
        double prefill = Enumerable.Range(0, repeats).Select(_ => TimePrefill(model, prompt)).Min();
        double decode = double.MaxValue, read = 0, copy = 0;
        TimeDecode(model, prompt, 8);
        for (int i = 0; i < repeats; i++)
        {
            decode = Math.Min(decode, TimeDecode(model, prompt, decodeTokens));
            var (r, c) = MemoryBandwidth.Measure(device, repeats: 2);
            (read, copy) = (Math.Max(read, r), Math.Max(copy, c));
        }
        var paired = PairedFractions(model, prompt, parameters - embedding, pairs);
        return new InferenceBenchResult(parameters, weightBytes, promptTokens, promptTokens / prefill, decodeTokens, decodeTokens / decode,
            read, copy, get_num_threads(), dtype.ToString(), device.ToString(), pairs, Quantile(paired, 0.25), Quantile(paired, 0.5), Quantile(paired, 0.75));
    }

    static double TimePrefill(CausalLm model, Tensor prompt)
    {
        using var cache = model.NewCache(1, prompt.shape[1]);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var watch = Stopwatch.StartNew();
        NextToken(model, prompt, cache);
        return watch.Elapsed.TotalSeconds;
    }

    // Like for like on a host whose bandwidth moves from one second to the next: each decoded token is paired with a
    // read of as many bytes as the token reads (a sum over as many elements as the weights it reads) right after it,
    // and the fraction is that read's time over the token's time, pair by pair.
    static double[] PairedFractions(CausalLm model, Tensor prompt, long weightsRead, int pairs)
    {
        using var weights = ones(weightsRead, dtype: model.DType, device: model.Device);
        using var cache = model.NewCache(1, prompt.shape[1] + pairs);
        using var noGrad = no_grad();
        long next;
        using (NewDisposeScope()) next = NextToken(model, prompt, cache);
        var fractions = new double[pairs];
        for (int i = 0; i < pairs; i++)
        {
            using var scope = NewDisposeScope();
            var watch = Stopwatch.StartNew();
            next = NextToken(model, tensor(new[] { next }, device: model.Device).unsqueeze(0), cache);
            double token = watch.Elapsed.TotalSeconds;
            watch.Restart();
            weights.sum().item<float>();
            fractions[i] = watch.Elapsed.TotalSeconds / token;
        }
        return fractions;
    }

    static double Quantile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(q * (sorted.Length - 1))];
    }

    static double TimeDecode(CausalLm model, Tensor prompt, int tokens)
    {
        using var cache = model.NewCache(1, prompt.shape[1] + tokens);
        using var noGrad = no_grad();
        long next;
        using (NewDisposeScope()) next = NextToken(model, prompt, cache);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < tokens; i++)
        {
            using var scope = NewDisposeScope();
            next = NextToken(model, tensor(new[] { next }, device: model.Device).unsqueeze(0), cache);
        }
        return watch.Elapsed.TotalSeconds;
    }

    // The greedy next token after ids [1, T], appended to the cache.
    static long NextToken(CausalLm model, Tensor ids, KvCache cache) => model.Forward(ids, cache, lastTokenOnly: true).argmax(-1).item<long>();
}
