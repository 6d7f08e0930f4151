namespace AssistantBuilder.Engine.Templates;

/// <summary>The read-only dict methods (the sandbox forbids the mutating ones).</summary>
internal static class DictMethods
{
    public static IReadOnlyDictionary<string, Func<PyDict, CallArguments, object?>> Table { get; } =
        new Dictionary<string, Func<PyDict, CallArguments, object?>>(StringComparer.Ordinal)
        {
            ["items"] = (dict, _) => Items(dict),
            ["keys"] = (dict, _) => dict.Keys.Cast<object?>().ToList(),
            ["values"] = (dict, _) => dict.Values.ToList(),
            ["get"] = (dict, args) => dict.TryGetValue(args.Required(0, "key", "get"), out var value) ? value : args.Get(1, "default"),
        };

    public static List<object?> Items(PyDict dict) => [.. dict.Select(pair => new PyTuple([pair.Key, pair.Value]))];
}
