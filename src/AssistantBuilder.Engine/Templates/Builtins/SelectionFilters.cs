namespace AssistantBuilder.Engine.Templates;

/// <summary><c>select</c>, <c>reject</c>, <c>selectattr</c>, <c>rejectattr</c> and <c>map</c>.</summary>
internal static class SelectionFilters
{
    public static IReadOnlyDictionary<string, FilterFunction> Table { get; } = new Dictionary<string, FilterFunction>(StringComparer.Ordinal)
    {
        ["select"] = (value, args, _) => Select(value, item => item, args, keep: true),
        ["reject"] = (value, args, _) => Select(value, item => item, args, keep: false),
        ["selectattr"] = (value, args, _) => Select(value, AttributePath.Getter(args.Required(0, "attribute", "selectattr")), args.Skip(1), keep: true),
        ["rejectattr"] = (value, args, _) => Select(value, AttributePath.Getter(args.Required(0, "attribute", "rejectattr")), args.Skip(1), keep: false),
        ["map"] = Map,
    };

    private static List<object?> Select(object? value, Func<object?, object?> project, CallArguments args, bool keep)
    {
        var test = TestFor(args);
        return [.. PyIteration.Iterate(value).Where(item => test(project(item)) == keep)];
    }

    /// <summary>The test named by the first argument, applied with the rest; plain truthiness when none is named.</summary>
    private static Func<object?, bool> TestFor(CallArguments args)
    {
        if (args.Positional.Count == 0)
        {
            return PyTruth.IsTrue;
        }

        var name = PyFormat.Str(args.Positional[0]);
        var test = Builtins.Tests.TryGetValue(name, out var found) ? found : throw new TemplateFault($"No test named '{name}'.");
        var rest = args.Skip(1);
        return item => test(item, rest);
    }

    private static object? Map(object? value, CallArguments args, RenderContext context)
    {
        if (args.Named.TryGetValue("attribute", out var attribute))
        {
            var get = AttributePath.Getter(attribute);
            var fallback = args.Named.GetValueOrDefault("default", new Undefined("default"));
            return PyIteration.Iterate(value).Select(item => get(item) is Undefined && fallback is not Undefined ? fallback : get(item)).ToList();
        }

        var name = PyFormat.Str(args.Required(0, "filter", "map"));
        var filter = Builtins.Filters.TryGetValue(name, out var found) ? found : throw new TemplateFault($"No filter named '{name}'.");
        var rest = args.Skip(1);
        return PyIteration.Iterate(value).Select(item => filter(item, rest, context)).ToList();
    }
}
