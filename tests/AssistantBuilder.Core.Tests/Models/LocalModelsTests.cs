using AssistantBuilder.Core.Models;
using AssistantBuilder.Testing;
using static TorchSharp.torch;

namespace AssistantBuilder.Core.Tests.Models;

public sealed class LocalModelsTests : IDisposable
{
    readonly string _root = TempDir.Create("models-list");

    string Folder(string name, TinyModel? from = null)
    {
        string dir = Path.Combine(_root, name);
        Directory.CreateDirectory(dir);
        if (from is not null) foreach (var f in Directory.EnumerateFiles(from.Directory)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    [Fact]
    public void A_model_folder_is_described_from_its_config_and_safetensors_headers()
    {
        using var tiny = TinyModel.Create(TinyModel.DefaultConfig("Qwen2ForCausalLM"), stored: ScalarType.BFloat16);
        Folder("tiny", tiny);
        var model = Assert.Single(LocalModels.Scan([_root]));
        Assert.Equal("tiny", model.Name);
        Assert.Equal(Path.Combine(_root, "tiny"), model.Path);
        Assert.Equal("Qwen2ForCausalLM", model.Architecture);
        Assert.Equal(tiny.Weights.Values.Sum(w => (long)w.Values.Length), model.Parameters);
        Assert.Equal("bfloat16", model.Dtype);
        Assert.Equal(tiny.Config.VocabSize, model.VocabSize);
        Assert.True(model.ChatTemplate);
        Assert.True(model.Usable);
        Assert.Null(model.Problem);
    }

    [Fact]
    public void Folders_that_are_not_usable_models_say_why()
    {
        using var tiny = TinyModel.Create();
        File.Delete(Path.Combine(Folder("no-weights", tiny), "model.safetensors"));
        string bin = Folder("bin-only", tiny);
        File.Move(Path.Combine(bin, "model.safetensors"), Path.Combine(bin, "pytorch_model.bin"));
        File.WriteAllText(Path.Combine(Folder("gpt2"), "config.json"), """{"architectures": ["GPT2LMHeadModel"], "vocab_size": 50257}""");
        File.WriteAllText(Path.Combine(Folder("bad-json"), "config.json"), "{ not json");
        Folder("empty");
        File.Delete(Path.Combine(Folder("no-tokenizer", tiny), "tokenizer.json"));
        string truncated = Folder("truncated", tiny);
        using (var f = File.OpenWrite(Path.Combine(truncated, "model.safetensors"))) f.SetLength(f.Length / 2);
        File.WriteAllText(Path.Combine(Folder("missing-field"), "config.json"), """{"architectures": ["LlamaForCausalLM"], "vocab_size": 10}""");
        Folder("org--name.partial");
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "not a folder");
        Folder(".hidden");

        var problems = LocalModels.Scan([_root, _root + "/"]).ToDictionary(m => m.Name, m => m.Problem);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["bad-json"] = "config.json is not a JSON object",
            ["bin-only"] = "no safetensors weights (only pytorch_model.bin, which is not supported)",
            ["empty"] = "no config.json",
            ["gpt2"] = "unsupported architecture GPT2LMHeadModel",
            ["missing-field"] = "missing required field 'hidden_size'",
            ["no-tokenizer"] = "no tokenizer.json",
            ["no-weights"] = "no safetensors weights",
            ["org--name.partial"] = "incomplete download: run the same ab models pull again to resume it",
            ["truncated"] = problems["truncated"],
        }, problems);
        Assert.StartsWith("model.safetensors: truncated", problems["truncated"]);
        var gpt2 = LocalModels.Inspect(Path.Combine(_root, "gpt2"));
        Assert.Equal(("GPT2LMHeadModel", 50257), (gpt2.Architecture, gpt2.VocabSize));
    }

    [Fact]
    public void A_chat_template_is_found_in_tokenizer_config_or_chat_template_jinja()
    {
        using var tiny = TinyModel.Create();
        string dir = Folder("m", tiny);
        File.WriteAllText(Path.Combine(dir, "tokenizer_config.json"), """{"eos_token": "<|im_end|>"}""");
        Assert.False(LocalModels.Inspect(dir).ChatTemplate);
        File.WriteAllText(Path.Combine(dir, "chat_template.jinja"), TinyTokenizer.ChatMlTemplate);
        Assert.True(LocalModels.Inspect(dir).ChatTemplate);
        Assert.True(LocalModels.Inspect(dir).Usable);
    }

    [Fact]
    public void Missing_roots_are_skipped() => Assert.Empty(LocalModels.Scan([Path.Combine(_root, "nope")]));

    public void Dispose() => TempDir.Delete(_root);
}
