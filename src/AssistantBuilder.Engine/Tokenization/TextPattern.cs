using System.Text.Json;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's serialized <c>pattern</c>: <c>{"String": "..."}</c> (a literal) or <c>{"Regex": "..."}</c>.</summary>
internal sealed class TextPattern
{
    private readonly string? _literal;
    private readonly UnicodeRegex? _regex;

    private TextPattern(string? literal, UnicodeRegex? regex)
    {
        _literal = literal;
        _regex = regex;
    }

    public static TextPattern Literal(string literal) => new(literal, null);

    public static TextPattern Parse(JsonElement owner, LoadContext context, string what)
    {
        if (!owner.TryGetProperty("pattern", out JsonElement pattern) || pattern.ValueKind != JsonValueKind.Object)
            throw context.Invalid($"{what} needs a 'pattern' object ({{\"String\": ...}} or {{\"Regex\": ...}}).");
        if (LoadContext.OptionalString(pattern, "String") is string literal)
            return new TextPattern(literal, null);
        if (LoadContext.OptionalString(pattern, "Regex") is string regex)
            return new TextPattern(null, new UnicodeRegex(regex, context));
        throw context.Invalid($"{what} has a 'pattern' that is neither String nor Regex.");
    }

    /// <summary>Non-overlapping matches, left to right; an empty literal matches nothing (as in HF).</summary>
    public List<(int Start, int End)> Matches(string text)
    {
        if (_regex is not null)
            return _regex.Matches(text);
        var result = new List<(int, int)>();
        if (_literal!.Length == 0)
            return result;
        for (int i = text.IndexOf(_literal, StringComparison.Ordinal); i >= 0;
             i = text.IndexOf(_literal, i + _literal.Length, StringComparison.Ordinal))
            result.Add((i, i + _literal.Length));
        return result;
    }

    public string ReplaceAll(string text, string content)
    {
        if (_literal is not null)
            return _literal.Length == 0 ? text : text.Replace(_literal, content, StringComparison.Ordinal);
        var builder = new System.Text.StringBuilder(text.Length);
        int last = 0;
        foreach ((int start, int end) in Matches(text))
        {
            builder.Append(text, last, start - last).Append(content);
            last = end;
        }
        return builder.Append(text, last, text.Length - last).ToString();
    }
}
