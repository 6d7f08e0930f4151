using System.Text.Json;
using System.Text.Json.Nodes;
using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Tests.Support;
using AssistantBuilder.Testing;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Tests.Checkpoints;

public class ModelLoaderTests
{
    static void EditConfig(string dir, Action<JsonObject> edit)
    {
        string path = Path.Combine(dir, "config.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    static void Rewrite(TinyModel tiny, Func<Dictionary<string, (long[] Shape, float[] Values)>, Dictionary<string, (long[] Shape, float[] Values)>> change) =>
        TinyModel.WriteSafetensors(Path.Combine(tiny.Directory, "model.safetensors"), change(tiny.Weights.ToDictionary()), ScalarType.Float32);

    [Fact]
    public void Unknown_architecture_is_named()
    {
        using var tiny = TinyModel.Create();
        EditConfig(tiny.Directory, j => j["architectures"] = new JsonArray("GPTNeoXForCausalLM"));
        var ex = Assert.Throws<CheckpointException>(() => ModelLoader.Load(tiny.Directory));
        Assert.Contains("unsupported architecture 'GPTNeoXForCausalLM'", ex.Message);
    }

    [Fact]
    public void Missing_files_are_named()
    {
        using var tiny = TinyModel.Create();
        File.Delete(Path.Combine(tiny.Directory, "model.safetensors"));
        Assert.Contains("no model.safetensors", Assert.Throws<CheckpointException>(() => ModelLoader.Load(tiny.Directory)).Message);
        File.Delete(Path.Combine(tiny.Directory, "config.json"));
        Assert.Contains("config.json: file not found", Assert.Throws<CheckpointException>(() => ModelLoader.Load(tiny.Directory)).Message);
        Assert.Contains("model folder not found", Assert.Throws<CheckpointException>(() => ModelLoader.Load(tiny.Directory + "-nope")).Message);
    }

    [Fact]
    public void Missing_and_unexpected_keys_are_listed()
    {
        using var tiny = TinyModel.Create();
        Rewrite(tiny, w =>
        {
            w.Remove("model.layers.1.mlp.up_proj.weight");
            w.Remove("model.norm.weight");
            w["model.layers.0.extra.weight"] = ([2], [1f, 2f]);
            return w;
        });
        var ex = Assert.Throws<CheckpointException>(() => ModelLoader.Load(tiny.Directory));
        Assert.Contains("missing keys: ", ex.Message);
        Assert.Contains("model.layers.1.mlp.up_proj.weight", ex.Message);
        Assert.Contains("model.norm.weight", ex.Message);
        Assert.Contains("unexpected keys: model.layers.0.extra.weight", ex.Message);
    }

    [Fact]
    public void Wrong_shape_is_reported_against_the_config()
    {
        using var tiny = TinyModel.Create();
        Rewrite(tiny, w =>
        {
            w["model.layers.0.self_attn.k_proj.weight"] = ([8, 32], new float[8 * 32]);
            return w;
        });
        var ex = Assert.Throws<CheckpointException>(() => ModelLoader.Load(tiny.Directory));
        Assert.Contains("'model.layers.0.self_attn.k_proj.weight' has shape [8, 32] but config.json implies [16, 32]", ex.Message);
    }

    [Fact]
    public void Truncated_weights_fail_before_anything_loads()
    {
        using var tiny = TinyModel.Create();
        string path = Path.Combine(tiny.Directory, "model.safetensors");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);
        Assert.Contains("truncated", Assert.Throws<CheckpointException>(() => ModelLoader.Load(tiny.Directory)).Message);
    }

    [Fact]
    public void Sharded_checkpoints_load_like_a_single_file()
    {
        using var tiny = TinyModel.Create();
        using var single = ModelLoader.Load(tiny.Directory);
        var names = tiny.Weights.Keys.ToList();
        var shards = new[] { names.Take(names.Count / 2), names.Skip(names.Count / 2) };
        var map = new Dictionary<string, string>();
        for (int s = 0; s < 2; s++)
        {
            string file = $"model-0000{s + 1}-of-00002.safetensors";
            TinyModel.WriteSafetensors(Path.Combine(tiny.Directory, file), shards[s].ToDictionary(n => n, n => tiny.Weights[n]), ScalarType.BFloat16);
            foreach (var n in shards[s]) map[n] = file;
        }
        File.Delete(Path.Combine(tiny.Directory, "model.safetensors"));
        File.WriteAllText(Path.Combine(tiny.Directory, "model.safetensors.index.json"), JsonSerializer.Serialize(new { metadata = new { }, weight_map = map }));
        using var sharded = ModelLoader.Load(tiny.Directory);
        using var ids = tensor(new long[] { 1, 2, 3 }).unsqueeze(0);
        using var a = single.Forward(ids);
        using var b = sharded.Forward(ids);
        Assert.True(a.allclose(b, rtol: 0.05, atol: 0.05)); // the shards were stored in bf16
    }

    [Fact]
    public void Config_errors_name_the_field()
    {
        using var tiny = TinyModel.Create();
        EditConfig(tiny.Directory, j => j.Remove("hidden_size"));
        Assert.Contains("missing required field 'hidden_size'", Assert.Throws<CheckpointException>(() => ModelLoader.Load(tiny.Directory)).Message);
        EditConfig(tiny.Directory, j => { j["hidden_size"] = 32; j["num_key_value_heads"] = 3; });
        Assert.Contains("not a multiple of num_key_value_heads", Assert.Throws<CheckpointException>(() => ModelLoader.Load(tiny.Directory)).Message);
        EditConfig(tiny.Directory, j => { j["num_key_value_heads"] = 2; j["rope_scaling"] = new JsonObject { ["rope_type"] = "yarn", ["factor"] = 4 }; });
        Assert.Contains("unsupported rope_scaling type 'yarn'", Assert.Throws<CheckpointException>(() => ModelLoader.Load(tiny.Directory)).Message);
        File.WriteAllText(Path.Combine(tiny.Directory, "config.json"), "{ not json");
        Assert.Contains("not valid JSON", Assert.Throws<CheckpointException>(() => ModelLoader.Load(tiny.Directory)).Message);
    }
}
