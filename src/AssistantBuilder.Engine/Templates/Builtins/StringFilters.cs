namespace AssistantBuilder.Engine.Templates;

/// <summary>Filters that work on a value's text: <c>trim</c>, <c>upper</c>, <c>replace</c>, <c>indent</c>, ...</summary>
internal static class StringFilters
{
    public static IReadOnlyDictionary<string, FilterFunction> Table { get; } = new Dictionary<string, FilterFunction>(StringComparer.Ordinal)
    {
        ["trim"] = (value, args, _) => PyStringOps.Strip(PyFormat.Str(value), args.Get(0, "chars")),
        ["upper"] = (value, _, _) => PyFormat.Str(value).ToUpperInvariant(),
        ["lower"] = (value, _, _) => PyFormat.Str(value).ToLowerInvariant(),
        ["title"] = (value, _, _) => Title(PyFormat.Str(value)),
        ["capitalize"] = (value, _, _) => PyStringOps.Capitalize(PyFormat.Str(value)),
        ["replace"] = Replace,
        ["indent"] = Indent,
        ["escape"] = (value, _, _) => Escape(value),
        ["e"] = (value, _, _) => Escape(value),
        ["safe"] = (value, _, _) => PyFormat.Str(value),
        ["string"] = (value, _, _) => PyFormat.Str(value),
        ["format"] = (value, args, _) => PyPercentFormat.Format(PyFormat.Str(value), args.Positional),
        ["wordcount"] = (value, _, _) => (long)PyStringOps.Split(PyFormat.Str(value), null, -1).Count,
    };

    /// <summary>jinja2's <c>title</c>: capitalise each word, words being split at whitespace, dashes and brackets.</summary>
    private static string Title(string value)
    {
        var result = value.ToCharArray();
        var wordStart = true;
        for (var i = 0; i < result.Length; i++)
        {
            var separator = char.IsWhiteSpace(result[i]) || result[i] is '-' or '(' or '{' or '[' or '<';
            result[i] = separator ? result[i] : wordStart ? char.ToUpperInvariant(result[i]) : char.ToLowerInvariant(result[i]);
            wordStart = separator;
        }

        return new string(result);
    }

    private static object? Replace(object? value, CallArguments args, RenderContext context) => PyStringOps.Replace(
        PyFormat.Str(value),
        PyFormat.Str(args.Required(0, "old", "replace")),
        PyFormat.Str(args.Required(1, "new", "replace")),
        args.Get(2, "count") is long count ? count : -1);

    private static object? Indent(object? value, CallArguments args, RenderContext context)
    {
        var width = args.Get(0, "width", 4L);
        var indentation = width as string ?? new string(' ', (int)(long)width!);
        var first = PyTruth.IsTrue(args.Get(1, "first", false));
        var blank = PyTruth.IsTrue(args.Get(2, "blank", false));
        var lines = (PyFormat.Str(value) + "\n").ReplaceLineEndings("\n").Split('\n')[..^1];
        var rest = lines.Skip(1).Select(line => blank || line.Length > 0 ? indentation + line : line);
        var text = string.Join("\n", lines.Take(1).Concat(rest));
        return first ? indentation + text : text;
    }

    private static readonly Dictionary<char, string> HtmlEntities = new()
    {
        ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&#34;", ['\''] = "&#39;",
    };

    /// <summary>markupsafe's escape: only the five HTML-special characters are replaced.</summary>
    private static string Escape(object? value) => string.Concat(
        PyFormat.Str(value).Select(c => HtmlEntities.TryGetValue(c, out var entity) ? entity : c.ToString()));
}
