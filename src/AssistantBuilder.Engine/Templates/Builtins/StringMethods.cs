namespace AssistantBuilder.Engine.Templates;

/// <summary>The Python <c>str</c> methods chat templates call, such as <c>content.strip()</c>.</summary>
internal static class StringMethods
{
    public static IReadOnlyDictionary<string, Func<string, CallArguments, object?>> Table { get; } =
        new Dictionary<string, Func<string, CallArguments, object?>>(StringComparer.Ordinal)
        {
            ["strip"] = (s, args) => PyStringOps.Strip(s, args.Get(0, "chars")),
            ["lstrip"] = (s, args) => PyStringOps.Strip(s, args.Get(0, "chars"), end: false),
            ["rstrip"] = (s, args) => PyStringOps.Strip(s, args.Get(0, "chars"), start: false),
            ["split"] = (s, args) => PyStringOps.Split(s, args.Get(0, "sep"), Integer(args.Get(1, "maxsplit", -1L))),
            ["startswith"] = (s, args) => Affixes(args, "startswith").Any(p => s.StartsWith(p, StringComparison.Ordinal)),
            ["endswith"] = (s, args) => Affixes(args, "endswith").Any(p => s.EndsWith(p, StringComparison.Ordinal)),
            ["upper"] = (s, _) => s.ToUpperInvariant(),
            ["lower"] = (s, _) => s.ToLowerInvariant(),
            ["title"] = (s, _) => PyStringOps.Title(s),
            ["capitalize"] = (s, _) => PyStringOps.Capitalize(s),
            ["replace"] = Replace,
            ["format"] = (s, args) => PyStringFormat.Format(s, args),
            ["join"] = (s, args) => string.Join(s, PyIteration.Iterate(args.Required(0, "iterable", "join")).Select(item => PyStringOps.ArgumentText(item, "join"))),
            ["find"] = (s, args) => (long)s.IndexOf(PyStringOps.ArgumentText(args.Required(0, "sub", "find"), "find"), StringComparison.Ordinal),
            ["count"] = (s, args) => (long)CountOccurrences(s, PyStringOps.ArgumentText(args.Required(0, "sub", "count"), "count")),
            ["isdigit"] = (s, _) => s.Length > 0 && s.All(char.IsDigit),
            ["isalpha"] = (s, _) => s.Length > 0 && s.All(char.IsLetter),
            ["isspace"] = (s, _) => s.Length > 0 && s.All(char.IsWhiteSpace),
            ["splitlines"] = (s, _) => s.Split('\n').Cast<object?>().SkipLast(s.EndsWith('\n') ? 1 : 0).ToList(),
        };

    private static long Integer(object? value) => PyNumber.TryGetInteger(value, out var number)
        ? number
        : throw new TemplateFault($"'{PyType.Name(value)}' object cannot be interpreted as an integer");

    private static IEnumerable<string> Affixes(CallArguments args, string function) => args.Required(0, "prefix", function) switch
    {
        PyTuple tuple => tuple.Select(item => PyStringOps.ArgumentText(item, function)),
        var single => [PyStringOps.ArgumentText(single, function)],
    };

    private static object? Replace(string s, CallArguments args) => PyStringOps.Replace(
        s,
        PyStringOps.ArgumentText(args.Required(0, "old", "replace"), "replace"),
        PyStringOps.ArgumentText(args.Required(1, "new", "replace"), "replace"),
        Integer(args.Get(2, "count", -1L)));

    private static int CountOccurrences(string s, string part)
    {
        if (part.Length == 0)
        {
            return PyString.Length(s) + 1;
        }

        var count = 0;
        for (var at = s.IndexOf(part, StringComparison.Ordinal); at >= 0; at = s.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
