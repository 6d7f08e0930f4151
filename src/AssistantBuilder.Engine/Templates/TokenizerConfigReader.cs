using System.Text.Json;

namespace AssistantBuilder.Engine.Templates;

/// <summary>Reads the chat-template fields of an HF <c>tokenizer_config.json</c>.</summary>
internal static class TokenizerConfigReader
{
    /// <summary>A special token given as a string or as an AddedToken object <c>{"content": ...}</c>.</summary>
    public static string? SpecialToken(JsonElement config, string name)
    {
        if (!config.TryGetProperty(name, out var token))
        {
            return null;
        }

        return token.ValueKind switch
        {
            JsonValueKind.String => token.GetString(),
            JsonValueKind.Object when token.TryGetProperty("content", out var content) => content.GetString(),
            _ => null,
        };
    }

    /// <summary>The template's name and source, or a null source when the tokenizer has none.</summary>
    public static (string Name, string? Source) Template(JsonElement config, string configPath)
    {
        if (!config.TryGetProperty("chat_template", out var template) || template.ValueKind == JsonValueKind.Null)
        {
            return ("chat_template", BesideConfig(configPath));
        }

        return template.ValueKind switch
        {
            JsonValueKind.String => ("chat_template", template.GetString()),
            JsonValueKind.Array => DefaultOfNamed(template, configPath),
            _ => throw new InvalidDataException($"{configPath}: chat_template must be a string or a list of {{name, template}}."),
        };
    }

    private static (string Name, string? Source) DefaultOfNamed(JsonElement templates, string configPath)
    {
        var named = templates.EnumerateArray()
            .Select(entry => (Name: entry.GetProperty("name").GetString() ?? string.Empty, Source: entry.GetProperty("template").GetString()))
            .ToList();
        var chosen = named.Find(entry => entry.Name == "default");
        if (chosen.Source is null && named.Count == 1)
        {
            chosen = named[0];
        }

        return chosen.Source is null
            ? throw new InvalidDataException($"{configPath}: chat_template lists {named.Count} templates and none is named 'default'.")
            : chosen;
    }

    /// <summary>Newer transformers versions save the template as <c>chat_template.jinja</c> next to the config.</summary>
    private static string? BesideConfig(string configPath)
    {
        var jinjaPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? ".", "chat_template.jinja");
        return File.Exists(jinjaPath) ? File.ReadAllText(jinjaPath) : null;
    }
}
