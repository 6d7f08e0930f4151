using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Tests.Support;
using AssistantBuilder.Testing;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Tests.Modeling;

public class GoldenLogitsTests
{
    static readonly int[] Ids = [5, 17, 200, 3, 99, 42, 7, 250, 11];

    public static TheoryData<string> Variants() => new() { "llama", "qwen2-bias", "mistral-tied", "llama3-rope", "linear-rope", "mha", "bf16", "f16" };

    static (ModelConfig Config, ScalarType Stored) Variant(string name)
    {
        var c = TinyModel.DefaultConfig();
        return name switch
        {
            "qwen2-bias" => (TinyModel.DefaultConfig("Qwen2ForCausalLM"), ScalarType.Float32),
            "mistral-tied" => (TinyModel.DefaultConfig("MistralForCausalLM") with { TieWordEmbeddings = true }, ScalarType.Float32),
            "llama3-rope" => (c with { RopeTheta = 500000, RopeScaling = new RopeScaling("llama3", 8, 1, 4, 16) }, ScalarType.Float32),
            "linear-rope" => (c with { RopeScaling = new RopeScaling("linear", 4) }, ScalarType.Float32),
            "mha" => (c with { NumKeyValueHeads = 4 }, ScalarType.Float32),
            "bf16" => (c, ScalarType.BFloat16),
            "f16" => (c, ScalarType.Float16),
            _ => (c, ScalarType.Float32),
        };
    }

    [Theory, MemberData(nameof(Variants))]
    public void Logits_match_an_independent_reference(string variant)
    {
        var (config, stored) = Variant(variant);
        using var tiny = TinyModel.Create(config, stored);
        using var model = ModelLoader.Load(tiny.Directory);
        var expected = new ReferenceModel(tiny.Config, tiny.Weights).Logits(Ids);

        using var scope = NewDisposeScope();
        var ids = tensor(Ids.Select(i => (long)i).ToArray()).unsqueeze(0);
        AssertClose(expected, model.Forward(ids), config.VocabSize);           // gradients on: libtorch's operations
        using (no_grad()) AssertClose(expected, model.Forward(ids), config.VocabSize); // off: the CPU kernels (fp32)
        Assert.True(expected.SelectMany(r => r).Max() - expected.SelectMany(r => r).Min() > 1, "reference logits should not be flat");
    }

    static void AssertClose(double[][] expected, Tensor logits, int vocab)
    {
        var actual = logits[0].to_type(ScalarType.Float64).data<double>().ToArray();
        double maxError = 0;
        for (int t = 0; t < Ids.Length; t++)
            for (int v = 0; v < vocab; v++)
                maxError = Math.Max(maxError, Math.Abs(actual[t * vocab + v] - expected[t][v]));
        Assert.True(maxError < 1e-3, $"max |logit - reference| = {maxError}");
    }

    [Fact]
    public void Parameter_names_equal_the_checkpoint_keys()
    {
        var config = TinyModel.DefaultConfig("Qwen2ForCausalLM");
        using var model = new CausalLm(config);
        var names = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        var expected = TinyModel.ExpectedKeys(config).ToDictionary(k => k.Name, k => k.Shape);
        Assert.Equal(expected.Keys.Order(), names.Keys.Order());
        foreach (var (name, shape) in expected) Assert.Equal(shape, names[name]);
    }

    [Fact]
    public void Batched_rows_with_padding_match_single_rows()
    {
        using var tiny = TinyModel.Create();
        using var model = ModelLoader.Load(tiny.Directory);
        using var scope = NewDisposeScope();
        var ids = tensor(new long[,] { { 5, 17, 200, 3 }, { 9, 8, 0, 0 } });
        var keyMask = tensor(new[,] { { true, true, true, true }, { true, true, false, false } });
        var batched = model.Forward(ids, keyMask: keyMask);
        var single = model.Forward(tensor(new long[] { 9, 8 }).unsqueeze(0));
        Assert.True(batched[1].narrow(0, 0, 2).allclose(single[0], rtol: 1e-4, atol: 1e-5));
        Assert.False(batched.isnan().any().item<bool>());
    }
}
