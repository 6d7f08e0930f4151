using System.Text.Json;
using AssistantBuilder.Engine.Chat;
using AssistantBuilder.Engine.Templates;

namespace AssistantBuilder.Engine.Tests.Templates;

public sealed class ChatTemplateTests : IDisposable
{
    private static readonly ChatMessage System = new("system", "Be brief.");
    private static readonly ChatMessage User = new("user", "Hi!");

    private readonly string _directory = Directory.CreateTempSubdirectory("chat-template-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ChatMl_renders_each_turn_and_the_generation_prompt()
    {
        var text = ChatTemplate.ChatMl.Render([System, User], addGenerationPrompt: true);

        Assert.Equal("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi!<|im_end|>\n<|im_start|>assistant\n", text);
        Assert.Equal("<|im_start|>user\nHi!<|im_end|>\n", ChatTemplate.ChatMl.Render([User], addGenerationPrompt: false));
    }

    [Fact]
    public void Reads_a_string_template_and_added_token_objects()
    {
        var template = ChatTemplate.FromTokenizerConfig(GoldenFiles.TemplatePath("templates/llama2.json"));

        Assert.Equal(("chat_template", "<s>", "</s>"), (template.Name, template.BosToken, template.EosToken));
        Assert.StartsWith("{% if messages[0]['role'] == 'system' %}", template.Source, StringComparison.Ordinal);
        Assert.Equal("<s>[INST] Hi! [/INST]", template.Render([User], addGenerationPrompt: true));
    }

    [Fact]
    public void Uses_the_default_entry_of_a_named_template_list()
    {
        var path = WriteConfig(new
        {
            bos_token = "<s>",
            chat_template = new[]
            {
                new { name = "tool_use", template = "tools" },
                new { name = "default", template = "{{ bos_token }}{{ messages[0].content }}" },
            },
        });

        var template = ChatTemplate.FromTokenizerConfig(path);

        Assert.Equal("default", template.Name);
        Assert.Equal("<s>Hi!", template.Render([User], addGenerationPrompt: false));
    }

    [Fact]
    public void A_named_template_list_without_default_is_rejected()
    {
        var path = WriteConfig(new { chat_template = new[] { new { name = "a", template = "A" }, new { name = "b", template = "B" } } });

        Assert.Throws<InvalidDataException>(() => ChatTemplate.FromTokenizerConfig(path));
    }

    [Fact]
    public void Without_a_template_falls_back_to_chat_ml_keeping_the_special_tokens()
    {
        var template = ChatTemplate.FromTokenizerConfig(WriteConfig(new { bos_token = "<s>", eos_token = new { content = "</s>" } }));

        Assert.Equal(("chatml", "<s>", "</s>"), (template.Name, template.BosToken, template.EosToken));
        Assert.Equal(ChatTemplate.ChatMl.Source, template.Source);
    }

    [Fact]
    public void Reads_chat_template_jinja_saved_beside_the_config()
    {
        var path = WriteConfig(new { eos_token = "<eos>" });
        File.WriteAllText(Path.Combine(_directory, "chat_template.jinja"), "{% for m in messages %}{{ m.role }}: {{ m.content }}{{ eos_token }}{% endfor %}\n");

        var template = ChatTemplate.FromTokenizerConfig(path);

        Assert.Equal("user: Hi!<eos>", template.Render([User], addGenerationPrompt: false));
    }

    [Fact]
    public void Passes_what_apply_chat_template_passes()
    {
        var template = new ChatTemplate(
            "{{ bos_token is defined }}|{{ eos_token }}|{{ tools is none }}|{{ documents is none }}|{{ add_generation_prompt }}|{{ messages[0].role }}={{ messages[0]['content'] }}",
            bosToken: null,
            eosToken: "</s>");

        Assert.Equal("False|</s>|True|True|False|user=Hi!", template.Render([User], addGenerationPrompt: false));
    }

    [Fact]
    public void Extra_variables_add_to_and_override_the_defaults()
    {
        var template = new ChatTemplate("{{ date_string }}|{{ tools|length }}|{{ eos_token }}", "<s>", "</s>");
        var extra = new Dictionary<string, object?>
        {
            ["date_string"] = "01 Jan 2025",
            ["tools"] = new[] { new Dictionary<string, object?> { ["type"] = "function" } },
            ["eos_token"] = "<|eot_id|>",
        };

        Assert.Equal("01 Jan 2025|1|<|eot_id|>", template.Render([User], addGenerationPrompt: true, extra));
    }

    [Fact]
    public void Messages_given_as_dictionaries_may_carry_tool_calls()
    {
        var template = new ChatTemplate("{% for m in messages %}{{ m.role }}:{{ m.tool_calls[0].function.arguments|tojson if m.tool_calls is defined else m.content }};{% endfor %}", null, null);
        var call = new Dictionary<string, object?> { ["function"] = new Dictionary<string, object?> { ["arguments"] = new Dictionary<string, object?> { ["city"] = "Paris", ["days"] = 3 } } };
        IReadOnlyDictionary<string, object?>[] messages =
        [
            new Dictionary<string, object?> { ["role"] = "user", ["content"] = "Weather?" },
            new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new List<object?> { call } },
        ];

        Assert.Equal("user:Weather?;assistant:{\"city\": \"Paris\", \"days\": 3};", template.Render(messages, addGenerationPrompt: false));
    }

    [Fact]
    public void A_bad_template_fails_when_the_chat_template_is_created()
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => new ChatTemplate("{% for m in messages %}", null, null, "broken"));

        Assert.Equal("broken", error.TemplateName);
    }

    private string WriteConfig(object config)
    {
        var path = Path.Combine(_directory, "tokenizer_config.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config));
        return path;
    }
}
