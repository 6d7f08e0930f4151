using System.Text.Json;
using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;

namespace AssistantBuilder.Testing;

/// <summary>
/// A tiny random model in HF layout, written at test time: config.json, model.safetensors, tokenizer.json,
/// tokenizer_config.json (ChatML template) and generation_config.json. The weights are kept as float arrays
/// (already rounded to the stored dtype) so that <see cref="ReferenceModel"/> can check logits independently.
/// </summary>
public sealed class TinyModel : IDisposable
{
    public string Directory { get; }
    public ModelConfig Config { get; }
    public IReadOnlyDictionary<string, (long[] Shape, float[] Values)> Weights { get; }

    TinyModel(string directory, ModelConfig config, Dictionary<string, (long[], float[])> weights) =>
        (Directory, Config, Weights) = (directory, config, weights);

    public static ModelConfig DefaultConfig(string architecture = "LlamaForCausalLM") => new()
    {
        Architecture = architecture, VocabSize = TinyTokenizer.VocabSize + 4, HiddenSize = 32, IntermediateSize = 48,
        NumHiddenLayers = 2, NumAttentionHeads = 4, NumKeyValueHeads = 2, HeadDim = 8, RmsNormEps = 1e-5,
        RopeTheta = 10000, MaxPositionEmbeddings = 128, QkvBias = architecture == "Qwen2ForCausalLM",
        BosTokenId = null, EosTokenIds = [TinyTokenizer.ImEnd],
    };

    public static TinyModel Create(ModelConfig? config = null, ScalarType stored = ScalarType.Float32, int seed = 1, float scale = 0.3f)
    {
        config ??= DefaultConfig();
        string dir = TempDir.Create("tiny-model");
        var random = new Random(seed);
        var weights = ExpectedKeys(config).ToDictionary(k => k.Name, k => (k.Shape, Random(random, k.Shape, k.Name, scale, stored)));
        File.WriteAllText(Path.Combine(dir, "config.json"), config.ToJson());
        WriteSafetensors(Path.Combine(dir, "model.safetensors"), weights, stored);
        TinyTokenizer.WriteFiles(dir);
        File.WriteAllText(Path.Combine(dir, "generation_config.json"),
            JsonSerializer.Serialize(new { eos_token_id = config.EosTokenIds, do_sample = false }));
        return new TinyModel(dir, config, weights);
    }

    /// <summary>HF's key names for a Llama-family checkpoint, written out independently of the engine's modules.</summary>
    public static IEnumerable<(string Name, long[] Shape)> ExpectedKeys(ModelConfig c)
    {
        long h = c.HiddenSize, q = c.NumAttentionHeads * c.HeadDim, kv = c.NumKeyValueHeads * c.HeadDim, m = c.IntermediateSize;
        yield return ("model.embed_tokens.weight", [c.VocabSize, h]);
        for (int i = 0; i < c.NumHiddenLayers; i++)
        {
            string p = $"model.layers.{i}.";
            yield return (p + "input_layernorm.weight", [h]);
            yield return (p + "self_attn.q_proj.weight", [q, h]);
            yield return (p + "self_attn.k_proj.weight", [kv, h]);
            yield return (p + "self_attn.v_proj.weight", [kv, h]);
            if (c.QkvBias)
            {
                yield return (p + "self_attn.q_proj.bias", [q]);
                yield return (p + "self_attn.k_proj.bias", [kv]);
                yield return (p + "self_attn.v_proj.bias", [kv]);
            }
            yield return (p + "self_attn.o_proj.weight", [h, q]);
            yield return (p + "post_attention_layernorm.weight", [h]);
            yield return (p + "mlp.gate_proj.weight", [m, h]);
            yield return (p + "mlp.up_proj.weight", [m, h]);
            yield return (p + "mlp.down_proj.weight", [h, m]);
        }
        yield return ("model.norm.weight", [h]);
        if (!c.TieWordEmbeddings) yield return ("lm_head.weight", [c.VocabSize, h]);
    }

    static float[] Random(Random random, long[] shape, string name, float scale, ScalarType stored)
    {
        long n = shape.Aggregate(1L, (a, b) => a * b);
        bool norm = name.EndsWith("norm.weight");
        var values = new float[n];
        for (long i = 0; i < n; i++)
            values[i] = RoundTo(stored, norm ? 1f + 0.2f * (float)(random.NextDouble() - 0.5) : scale * (float)(random.NextDouble() * 2 - 1));
        return values;
    }

    static float RoundTo(ScalarType stored, float v) => stored switch
    {
        ScalarType.BFloat16 => BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(v) + 0x7FFF + ((BitConverter.SingleToInt32Bits(v) >> 16) & 1)) & unchecked((int)0xFFFF0000)),
        ScalarType.Float16 => (float)(Half)v,
        _ => v,
    };

    public static void WriteSafetensors(string path, IReadOnlyDictionary<string, (long[] Shape, float[] Values)> weights, ScalarType stored)
    {
        var tensors = weights.Select(w => (w.Key, tensor(w.Value.Values).reshape(w.Value.Shape).to_type(stored))).ToList();
        SafeTensorsWriter.Write(path, tensors);
        foreach (var (_, t) in tensors) t.Dispose();
    }

    public void Dispose() => TempDir.Delete(Directory);
}
