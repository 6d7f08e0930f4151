namespace AssistantBuilder.Engine.Templates;

/// <summary>The global functions: jinja2's <c>range</c>, <c>namespace</c>, <c>dict</c>, and HF's <c>raise_exception</c> and <c>strftime_now</c>.</summary>
internal static class BuiltinGlobals
{
    /// <summary>The sandbox's cap on <c>range()</c> sizes.</summary>
    private const long MaxRange = 100_000;

    public static IReadOnlyDictionary<string, object?> Table { get; } = new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["range"] = new NativeFunction("range", (args, _) => Range(args)),
        ["namespace"] = new NativeFunction("namespace", (args, _) => Namespace(args)),
        ["dict"] = new NativeFunction("dict", (args, _) => Dict(args)),
        ["raise_exception"] = new NativeFunction("raise_exception", (args, _) => throw new TemplateFault(PyFormat.Str(args.Get(0, "message")), raisedByTemplate: true)),
        ["strftime_now"] = new NativeFunction("strftime_now", (args, _) => PyStrftime.Format(DateTime.Now, PyFormat.Str(args.Required(0, "format", "strftime_now")))),
    };

    private static List<object?> Range(CallArguments args)
    {
        var numbers = args.Positional.Select(Integer).ToArray();
        var (start, stop, step) = numbers.Length switch
        {
            1 => (0L, numbers[0], 1L),
            2 => (numbers[0], numbers[1], 1L),
            3 => (numbers[0], numbers[1], numbers[2]),
            _ => throw new TemplateFault($"range expected 1 to 3 arguments, got {numbers.Length}"),
        };
        if (step == 0)
        {
            throw new TemplateFault("range() arg 3 must not be zero");
        }

        var count = Math.Max(0, (stop - start + step + (step > 0 ? -1 : 1)) / step);
        return count > MaxRange
            ? throw new TemplateFault($"Range too big. The sandbox blocks ranges larger than MAX_RANGE ({MaxRange}).")
            : [.. Enumerable.Range(0, (int)count).Select(i => (object?)(start + (i * step)))];
    }

    private static TemplateNamespace Namespace(CallArguments args)
    {
        var ns = new TemplateNamespace();
        foreach (var (key, value) in Entries(args))
        {
            ns.SetAttribute(PyFormat.Str(key), value);
        }

        return ns;
    }

    private static PyDict Dict(CallArguments args)
    {
        var dict = new PyDict();
        foreach (var (key, value) in Entries(args))
        {
            dict[key] = value;
        }

        return dict;
    }

    private static IEnumerable<(object? Key, object? Value)> Entries(CallArguments args)
    {
        foreach (var mapping in args.Positional.OfType<PyDict>())
        {
            foreach (var pair in mapping)
            {
                yield return (pair.Key, pair.Value);
            }
        }

        foreach (var pair in args.Named)
        {
            yield return (pair.Key, pair.Value);
        }
    }

    private static long Integer(object? value) => PyNumber.TryGetInteger(value, out var number)
        ? number
        : throw new TemplateFault($"'{PyType.Name(value)}' object cannot be interpreted as an integer");
}
