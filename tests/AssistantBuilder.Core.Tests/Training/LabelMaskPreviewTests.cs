using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Core.Training;
using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Training;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Core.Tests.Training;

/// <summary>The label-mask preview: which rendered tokens training computes the loss on, read from a model folder without its weights.</summary>
public sealed class LabelMaskPreviewTests : IDisposable
{
    readonly TinyModel _tiny = TinyModel.Create(TinyModel.DefaultConfig() with { MaxPositionEmbeddings = 2048 });

    public void Dispose()
    {
        _tiny.Dispose();
    }

    static Conversation Chat(params ConversationTurn[] turns) => new(turns, 7);

    static string Trained(LabelledConversation c) => string.Concat(c.Turns.SelectMany(t => t.Segments).Where(s => s.Trained).Select(s => s.Text + "|"));

    [Fact]
    public void Assistant_replies_and_their_end_of_turn_token_are_trained_and_the_rest_is_not()
    {
        var preview = LabelMaskPreview.Load(_tiny.Directory);
        var result = preview.Label(Chat(new("system", "Be kind."), new("user", "hi"), new("assistant", "hello!"), new("user", "more"), new("assistant", "sure")));

        Assert.Null(result.Error);
        Assert.Equal(7, result.SourceLine);
        Assert.Equal(["system", "user", "assistant", "user", "assistant"], result.Turns.Select(t => t.Role));
        Assert.Equal("hello!<|im_end|>|sure<|im_end|>|", Trained(result));
        // System and user turns carry no label at all; assistant turns only their markup is untrained.
        Assert.All(result.Turns.Where(t => t.Role != "assistant"), t => Assert.All(t.Segments, s => Assert.False(s.Trained)));
        Assert.Equal("<|im_start|>system\nBe kind.<|im_end|>\n", string.Concat(result.Turns[0].Segments.Select(s => s.Text)));
        Assert.Equal(["<|im_start|>assistant\n", "hello!<|im_end|>", "\n"], result.Turns[2].Segments.Select(s => s.Text));
        Assert.Equal([false, true, false], result.Turns[2].Segments.Select(s => s.Trained));
    }

    [Fact]
    public void The_segments_are_the_whole_rendered_conversation_and_match_what_training_labels()
    {
        var conversation = Chat(new("user", "a"), new("assistant", "skip me", Train: false), new("user", "b"), new("assistant", "train me"));
        var result = LabelMaskPreview.Load(_tiny.Directory).Label(conversation);

        using var chat = ChatModel.LoadForTraining(_tiny.Directory, new LoraConfig { R = 2 });
        var example = TrainingData.BuildExample(new ExampleBuilder(chat.Template, chat.Tokenizer, chat.EosTokenIds), conversation);
        Assert.Equal(chat.RenderChat(conversation.ToMessages(), addGenerationPrompt: false), string.Concat(result.Turns.SelectMany(t => t.Segments).Select(s => s.Text)));
        Assert.Equal(example.Length, result.Tokens);
        Assert.Equal(example.TrainedTokens, result.TrainedTokens);
        Assert.Equal(example.TrainedTokens, result.Turns.SelectMany(t => t.Segments).Where(s => s.Trained).Sum(s => s.Tokens));
        Assert.Equal(example.Length, result.Turns.SelectMany(t => t.Segments).Sum(s => s.Tokens));
        Assert.Equal("train me<|im_end|>|", Trained(result)); // weight 0 turn is not trained
    }

    [Fact]
    public void The_shipped_default_model_is_read_without_its_weights_and_its_default_system_prompt_is_not_trained()
    {
        string dir = Testing.TempDir.Create("mask-no-weights");
        try
        {
            string shipped = Path.Combine(RepositoryRoot(), "data", "models", "default");
            foreach (var file in new[] { "config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json" })
                File.Copy(Path.Combine(shipped, file), Path.Combine(dir, file));
            var preview = LabelMaskPreview.Load(dir);
            var result = preview.Label(Chat(new("user", "Where is the café?"), new("assistant", "On Harbor Lane, next to the library.")));

            Assert.Null(result.Error);
            Assert.Contains("<|im_end|>", preview.EndOfTurnTokens);
            Assert.Equal("On Harbor Lane, next to the library.<|im_end|>|", Trained(result));
            string user = string.Concat(result.Turns[0].Segments.Select(s => s.Text));
            Assert.Contains("You are a helpful AI assistant named SmolLM", user); // injected by the template, shown, not trained
            Assert.EndsWith("<|im_start|>user\nWhere is the café?<|im_end|>\n", user);
            Assert.True(preview.CountTokens(Chat(new("user", "Where is the café?"), new("assistant", "On Harbor Lane."))) > 10);
        }
        finally { Testing.TempDir.Delete(dir); }
    }

    [Fact]
    public void A_conversation_the_template_refuses_comes_back_unlabelled_with_the_reason()
    {
        string dir = Testing.TempDir.Create("mask-refusing");
        try
        {
            foreach (var file in Directory.GetFiles(_tiny.Directory)) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(dir, "tokenizer_config.json"), """
                {"eos_token":"<|im_end|>","chat_template":"{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}{% for m in messages %}{{'<|im_start|>' + m['role'] + '\n' + m['content'] + '<|im_end|>\n'}}{% endfor %}"}
                """);
            var result = LabelMaskPreview.Load(dir).Label(Chat(new("system", "s"), new("user", "u"), new("assistant", "a")));

            Assert.Contains("System role not supported", result.Error);
            Assert.Equal(0, result.TrainedTokens);
            Assert.Equal(["s", "u", "a"], result.Turns.Select(t => t.Segments.Single().Text));
        }
        finally { Testing.TempDir.Delete(dir); }
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AssistantBuilder.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no AssistantBuilder.sln above {AppContext.BaseDirectory}");
    }
}
