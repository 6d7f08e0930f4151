using System.Text.Json;
using AssistantBuilder.Engine.Chat;

namespace AssistantBuilder.Engine.Templates;

/// <summary>
/// A model's chat template, rendered the way HF transformers' <c>apply_chat_template</c> does: the Jinja source
/// with <c>trim_blocks</c> and <c>lstrip_blocks</c>, given <c>messages</c>, <c>add_generation_prompt</c>, the
/// special tokens, <c>tools=None</c> and <c>documents=None</c>, plus any extra variables.
/// </summary>
public sealed class ChatTemplate
{
    private const string ChatMlSource =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}"
        + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    private readonly JinjaTemplate _template;

    /// <summary>Parses the template; throws <see cref="TemplateSyntaxException"/> if the source is not valid.</summary>
    public ChatTemplate(string source, string? bosToken, string? eosToken, string name = "chat_template")
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
        BosToken = bosToken;
        EosToken = eosToken;
        Name = name;
        _template = new JinjaTemplate(source, name, TemplateOptions.ChatTemplate);
    }

    /// <summary>The fallback for tokenizers without a template: <c>&lt;|im_start|&gt;{role}\n{content}&lt;|im_end|&gt;\n</c>.</summary>
    public static ChatTemplate ChatMl { get; } = new(ChatMlSource, bosToken: null, eosToken: null, name: "chatml");

    public string Name { get; }

    public string Source { get; }

    public string? BosToken { get; }

    public string? EosToken { get; }

    /// <summary>
    /// Reads <c>chat_template</c> (a string, or a list of <c>{name, template}</c> of which <c>default</c> is used),
    /// <c>bos_token</c> and <c>eos_token</c> (strings or AddedToken objects). Without a template in the file, a
    /// <c>chat_template.jinja</c> beside it is used, else <see cref="ChatMl"/> with the file's special tokens.
    /// </summary>
    public static ChatTemplate FromTokenizerConfig(string tokenizerConfigJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(tokenizerConfigJsonPath));
        var config = document.RootElement;
        var bos = TokenizerConfigReader.SpecialToken(config, "bos_token");
        var eos = TokenizerConfigReader.SpecialToken(config, "eos_token");
        var (name, source) = TokenizerConfigReader.Template(config, tokenizerConfigJsonPath);
        return source is null
            ? new ChatTemplate(ChatMlSource, bos, eos, "chatml")
            : new ChatTemplate(source, bos, eos, name);
    }

    /// <summary>Renders a conversation; <paramref name="extra"/> adds or overrides template variables (e.g. <c>tools</c>, <c>date_string</c>).</summary>
    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt, IReadOnlyDictionary<string, object?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var dictionaries = messages
            .Select(message => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["role"] = message.Role, ["content"] = message.Content })
            .ToList();
        return Render(dictionaries, addGenerationPrompt, extra);
    }

    /// <summary>
    /// Renders messages given as dictionaries, for turns that carry more than role and content
    /// (<c>tool_calls</c>, <c>tool_call_id</c>, ...). Values may be .NET values or <see cref="JsonElement"/>s.
    /// </summary>
    public string Render(IReadOnlyList<IReadOnlyDictionary<string, object?>> messages, bool addGenerationPrompt, IReadOnlyDictionary<string, object?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["messages"] = messages,
            ["add_generation_prompt"] = addGenerationPrompt,
            ["tools"] = null,
            ["documents"] = null,
        };
        AddIfSet(variables, "bos_token", BosToken);
        AddIfSet(variables, "eos_token", EosToken);
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
        {
            variables[key] = value;
        }

        return _template.Render(variables);
    }

    /// <summary>HF passes only the special tokens a tokenizer has; a missing one stays undefined in the template.</summary>
    private static void AddIfSet(Dictionary<string, object?> variables, string name, string? token)
    {
        if (token is not null)
        {
            variables[name] = token;
        }
    }
}
