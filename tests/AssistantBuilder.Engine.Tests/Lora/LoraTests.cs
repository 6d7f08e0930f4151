using System.Text.Json.Nodes;
using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Tests.Support;
using AssistantBuilder.Testing;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Tests.Lora;

[Collection(TorchRandomCollection.Name)]
public sealed class LoraTests : IDisposable
{
    readonly TinyModel _tiny = TinyModel.Create(TinyModel.DefaultConfig("Qwen2ForCausalLM"));
    static readonly long[] Ids = [3, 77, 120, 9, 200, 45];
    static readonly LoraConfig Config = new() { R = 4, LoraAlpha = 8, LoraDropout = 0 };

    static Tensor Logits(CausalLm model)
    {
        using var noGrad = no_grad();
        return model.Forward(tensor(Ids).unsqueeze(0));
    }

    /// <summary>Gives every B a random value, as training would, so the adapter changes the output.</summary>
    static void Perturb(CausalLm model, int seed = 5)
    {
        manual_seed(seed);
        using var noGrad = no_grad();
        foreach (var (_, layer) in model.LoraLayers()) layer.B.copy_(randn_like(layer.B) * 0.2);
    }

    [Fact]
    public void A_fresh_adapter_leaves_the_output_unchanged()
    {
        using var plain = ModelLoader.Load(_tiny.Directory);
        using var adapted = ModelLoader.Load(_tiny.Directory, lora: Config);
        Assert.Equal(2 * 7, adapted.LoraLayers().Count());
        Assert.True(adapted.LoraLayers().All(l => l.Layer.A.abs().sum().item<float>() > 0 && l.Layer.B.abs().sum().item<float>() == 0));
        using var a = Logits(plain);
        using var b = Logits(adapted);
        Assert.True(a.equal(b).all().item<bool>());
    }

    [Fact]
    public void Only_adapter_weights_are_trainable()
    {
        using var model = ModelLoader.Load(_tiny.Directory, lora: Config);
        var trainable = model.named_parameters().Where(p => p.parameter.requires_grad).Select(p => p.name).ToList();
        Assert.NotEmpty(trainable);
        Assert.All(trainable, n => Assert.Matches(@"\.lora_[AB]\.weight$", n));
        Assert.Contains("model.layers.0.self_attn.q_proj.base_layer.bias", model.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Saved_adapter_has_PEFT_keys_shapes_and_config_and_loads_back()
    {
        using var model = ModelLoader.Load(_tiny.Directory, lora: Config with { BaseModelNameOrPath = "tiny" });
        Perturb(model);
        string dir = Path.Combine(_tiny.Directory, "adapter");
        PeftAdapter.Save(model, dir, Config with { BaseModelNameOrPath = "tiny" });

        using (var file = SafeTensorsFile.Open(Path.Combine(dir, "adapter_model.safetensors")))
        {
            Assert.Equal(2 * 2 * 7, file.Tensors.Count);
            Assert.Equal([4L, 32L], file.Tensors["base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"].Shape);
            Assert.Equal([32L, 4L], file.Tensors["base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight"].Shape);
            Assert.Equal([32L, 4L], file.Tensors["base_model.model.model.layers.1.mlp.down_proj.lora_B.weight"].Shape);
            Assert.Equal([4L, 48L], file.Tensors["base_model.model.model.layers.1.mlp.down_proj.lora_A.weight"].Shape);
        }
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "adapter_config.json")))!;
        Assert.Equal("LORA", json["peft_type"]!.GetValue<string>());
        Assert.Equal("CAUSAL_LM", json["task_type"]!.GetValue<string>());
        Assert.Equal(4, json["r"]!.GetValue<int>());
        Assert.Equal(8, json["lora_alpha"]!.GetValue<double>());
        Assert.Equal("tiny", json["base_model_name_or_path"]!.GetValue<string>());
        Assert.Equal(7, json["target_modules"]!.AsArray().Count);

        using var reloaded = ModelLoader.Load(_tiny.Directory, lora: PeftAdapter.ReadConfig(dir));
        PeftAdapter.LoadWeights(reloaded, dir);
        using var a = Logits(model);
        using var b = Logits(reloaded);
        Assert.True(a.equal(b).all().item<bool>());
    }

    [Fact]
    public void Merge_matches_the_unmerged_adapter_and_unmerge_restores_the_base()
    {
        using var model = ModelLoader.Load(_tiny.Directory, lora: Config);
        using var baseline = Logits(model);
        Perturb(model);
        using var adapted = Logits(model);
        Assert.False(adapted.allclose(baseline, atol: 1e-3));
        foreach (var (_, l) in model.LoraLayers()) l.Merge();
        using var merged = Logits(model);
        Assert.True(merged.allclose(adapted, rtol: 1e-4, atol: 1e-4));
        foreach (var (_, l) in model.LoraLayers()) l.Unmerge();
        foreach (var (_, l) in model.LoraLayers()) using (no_grad()) l.B.zero_();
        using var restored = Logits(model);
        Assert.True(restored.allclose(baseline, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Targets_follow_PEFT_matching_rules()
    {
        var c = new LoraConfig { TargetModules = ["q_proj", "v_proj"], LayersToTransform = [1], RankPattern = new Dictionary<string, int> { ["v_proj"] = 2 }, AlphaPattern = new Dictionary<string, double> { ["layers.1.self_attn.q_proj"] = 3 }, R = 8, LoraAlpha = 16 };
        Assert.False(c.Targets("model.layers.0.self_attn.q_proj"));
        Assert.True(c.Targets("model.layers.1.self_attn.q_proj"));
        Assert.False(c.Targets("model.layers.1.self_attn.k_proj"));
        Assert.Equal(2, c.RankFor("model.layers.1.self_attn.v_proj"));
        Assert.Equal(8, c.RankFor("model.layers.1.self_attn.q_proj"));
        Assert.Equal(3.0 / 8, c.ScalingFor("model.layers.1.self_attn.q_proj"));
        Assert.Equal(16.0 / 2, c.ScalingFor("model.layers.1.self_attn.v_proj"));
        Assert.Equal(16.0 / Math.Sqrt(2), (c with { UseRslora = true }).ScalingFor("model.layers.1.self_attn.v_proj"), 9);
        var regex = new LoraConfig { TargetRegex = @".*\.mlp\.(gate|up)_proj" };
        Assert.True(regex.Targets("model.layers.3.mlp.up_proj"));
        Assert.False(regex.Targets("model.layers.3.mlp.down_proj"));
        Assert.Throws<ArgumentException>(() => new LoraConfig { TargetModules = ["qkv"] }.Validate());
    }

    [Fact]
    public void A_mismatched_adapter_is_rejected_with_what_does_not_fit()
    {
        using var model = ModelLoader.Load(_tiny.Directory, lora: Config);
        string dir = Path.Combine(_tiny.Directory, "adapter");
        PeftAdapter.Save(model, dir, Config);
        File.WriteAllText(Path.Combine(dir, "adapter_config.json"), (Config with { R = 8 }).ToJson());
        using var wider = ModelLoader.Load(_tiny.Directory, lora: PeftAdapter.ReadConfig(dir));
        var ex = Assert.Throws<CheckpointException>(() => PeftAdapter.LoadWeights(wider, dir));
        Assert.Contains("has shape [4, 32], expected [8, 32]", ex.Message);

        File.WriteAllText(Path.Combine(dir, "adapter_config.json"), (Config with { TargetModules = ["q_proj"] }).ToJson());
        using var fewer = ModelLoader.Load(_tiny.Directory, lora: PeftAdapter.ReadConfig(dir));
        Assert.Contains("keys the adapter config does not account for", Assert.Throws<CheckpointException>(() => PeftAdapter.LoadWeights(fewer, dir)).Message);

        File.WriteAllText(Path.Combine(dir, "adapter_config.json"), """{"peft_type":"PREFIX_TUNING","r":4}""");
        Assert.Contains("peft_type 'PREFIX_TUNING' is not supported", Assert.Throws<CheckpointException>(() => PeftAdapter.ReadConfig(dir)).Message);
    }

    [Fact]
    public void An_adapter_saved_by_PEFT_with_default_names_and_all_linear_loads()
    {
        using var model = ModelLoader.Load(_tiny.Directory, lora: Config);
        Perturb(model);
        string dir = Path.Combine(_tiny.Directory, "peft-style");
        Directory.CreateDirectory(dir);
        var tensors = model.LoraLayers().SelectMany(l => new[]
        {
            ($"base_model.model.{l.Path}.lora_A.default.weight", (Tensor)l.Layer.A),
            ($"base_model.model.{l.Path}.lora_B.default.weight", (Tensor)l.Layer.B),
        });
        SafeTensorsWriter.Write(Path.Combine(dir, "adapter_model.safetensors"), tensors);
        File.WriteAllText(Path.Combine(dir, "adapter_config.json"), """{"peft_type":"LORA","task_type":"CAUSAL_LM","r":4,"lora_alpha":8,"lora_dropout":0.1,"target_modules":"all-linear","bias":"none","use_rslora":false}""");
        using var loaded = ModelLoader.Load(_tiny.Directory, lora: PeftAdapter.ReadConfig(dir));
        PeftAdapter.LoadWeights(loaded, dir);
        loaded.eval();
        using var a = Logits(model);
        using var b = Logits(loaded);
        Assert.True(a.equal(b).all().item<bool>());
    }

    public void Dispose() => _tiny.Dispose();
}
