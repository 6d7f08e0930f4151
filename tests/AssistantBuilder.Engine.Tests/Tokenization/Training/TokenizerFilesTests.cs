using System.Text.Json;
using AssistantBuilder.Engine.Chat;
using AssistantBuilder.Engine.Templates;
using AssistantBuilder.Engine.Tokenization.Training;
using AssistantBuilder.Testing;
using static AssistantBuilder.Engine.Tests.Tokenization.Training.TrainingText;

namespace AssistantBuilder.Engine.Tests.Tokenization.Training;

public sealed class TokenizerFilesTests : IDisposable
{
    private readonly string _dir = TempDir.Create("bpe-files");

    public void Dispose() => TempDir.Delete(_dir);

    private JsonElement Read(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, file))).RootElement;

    private void Train(BpeTrainerOptions options)
    {
        var trainer = new BpeTrainer(options);
        trainer.AddText(Mixed(200));
        trainer.Train().Save(_dir);
    }

    [Fact]
    public void Tokenizer_json_has_hf_s_byte_level_bpe_layout()
    {
        Train(Options(300));
        var json = Read("tokenizer.json");
        Assert.Equal("1.0", json.GetProperty("version").GetString());
        var added = json.GetProperty("added_tokens").EnumerateArray().ToList();
        Assert.Equal(["<|endoftext|>", "<|im_start|>", "<|im_end|>"], added.Select(a => a.GetProperty("content").GetString()));
        Assert.Equal([0, 1, 2], added.Select(a => a.GetProperty("id").GetInt32()));
        Assert.All(added, a => Assert.True(a.GetProperty("special").GetBoolean() && !a.GetProperty("normalized").GetBoolean()));

        var steps = json.GetProperty("pre_tokenizer").GetProperty("pretokenizers").EnumerateArray().ToList();
        Assert.Equal("Split", steps[0].GetProperty("type").GetString());
        Assert.Equal(BpeTrainerOptions.SplitPattern, steps[0].GetProperty("pattern").GetProperty("Regex").GetString());
        Assert.Equal("Isolated", steps[0].GetProperty("behavior").GetString());
        Assert.Equal("ByteLevel", steps[1].GetProperty("type").GetString());
        Assert.False(steps[1].GetProperty("add_prefix_space").GetBoolean());
        Assert.False(steps[1].GetProperty("use_regex").GetBoolean());
        Assert.Equal("ByteLevel", json.GetProperty("decoder").GetProperty("type").GetString());
        Assert.Equal("ByteLevel", json.GetProperty("post_processor").GetProperty("type").GetString());

        var model = json.GetProperty("model");
        Assert.Equal("BPE", model.GetProperty("type").GetString());
        var vocab = model.GetProperty("vocab").EnumerateObject().ToList();
        Assert.Equal(300, vocab.Count);
        Assert.Equal(Enumerable.Range(0, 300), vocab.Select(v => v.Value.GetInt32())); // written in id order
        Assert.Equal("<|endoftext|>", vocab[0].Name);
        Assert.Equal("!", vocab[3].Name);
        var merges = model.GetProperty("merges").EnumerateArray().ToList();
        Assert.Equal(300 - 259, merges.Count);
        Assert.All(merges, m => Assert.Equal(JsonValueKind.Array, m.ValueKind));
        Assert.Equal(vocab[259].Name, merges[0][0].GetString() + merges[0][1].GetString());
    }

    [Fact]
    public void Tokenizer_config_is_chatml_with_smollm2_s_template()
    {
        Train(Options(300) with { ModelMaxLength = 2048 });
        var config = Read("tokenizer_config.json");
        Assert.Equal("<|im_end|>", config.GetProperty("eos_token").GetString());
        Assert.Equal("<|endoftext|>", config.GetProperty("pad_token").GetString());
        Assert.Equal("<|endoftext|>", config.GetProperty("unk_token").GetString());
        Assert.Equal("<|im_start|>", config.GetProperty("bos_token").GetString());
        Assert.Equal("GPT2Tokenizer", config.GetProperty("tokenizer_class").GetString());
        Assert.Equal(2048, config.GetProperty("model_max_length").GetInt32());
        Assert.Equal("<|im_end|>", config.GetProperty("added_tokens_decoder").GetProperty("2").GetProperty("content").GetString());

        var template = ChatTemplate.FromTokenizerConfig(Path.Combine(_dir, "tokenizer_config.json"));
        Assert.Equal(
            "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n" +
            "<|im_start|>user\nHello, how are you?<|im_end|>\n<|im_start|>assistant\n",
            template.Render([new ChatMessage("user", "Hello, how are you?")], addGenerationPrompt: true));
        Assert.Equal(
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\nhello<|im_end|>\n",
            template.Render([new ChatMessage("system", "Be brief."), new ChatMessage("user", "hi"), new ChatMessage("assistant", "hello")],
                addGenerationPrompt: false));

        var map = Read("special_tokens_map.json");
        Assert.Equal("<|im_end|>", map.GetProperty("eos_token").GetProperty("content").GetString());
        Assert.Equal("<|endoftext|>", map.GetProperty("pad_token").GetProperty("content").GetString());
        Assert.Equal(["<|im_start|>", "<|im_end|>"], map.GetProperty("additional_special_tokens").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Without_chatml_tokens_the_config_has_no_template_or_roles()
    {
        Train(Options(300) with { SpecialTokens = ["<s>", "</s>"] });
        var config = Read("tokenizer_config.json");
        foreach (string name in new[] { "chat_template", "eos_token", "pad_token", "bos_token", "unk_token" })
            Assert.False(config.TryGetProperty(name, out _), name);
        Assert.Equal(["<s>", "</s>"], config.GetProperty("additional_special_tokens").EnumerateArray().Select(e => e.GetString()));
    }
}
