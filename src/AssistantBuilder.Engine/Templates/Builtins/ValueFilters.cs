using System.Globalization;

namespace AssistantBuilder.Engine.Templates;

/// <summary>Filters that convert or default a single value: <c>default</c>, <c>int</c>, <c>float</c>, <c>round</c>, <c>tojson</c>, ...</summary>
internal static class ValueFilters
{
    public static IReadOnlyDictionary<string, FilterFunction> Table { get; } = new Dictionary<string, FilterFunction>(StringComparer.Ordinal)
    {
        ["default"] = Default,
        ["d"] = Default,
        ["int"] = (value, args, _) => ToInteger(value) ?? args.Get(0, "default", 0L),
        ["float"] = (value, args, _) => ToDouble(value) ?? args.Get(0, "default", 0.0),
        ["abs"] = (value, _, _) => Abs(value),
        ["round"] = Round,
        ["tojson"] = ToJson,
    };

    private static object? Default(object? value, CallArguments args, RenderContext context)
    {
        var useFallback = value is Undefined || (PyTruth.IsTrue(args.Get(1, "boolean", false)) && !PyTruth.IsTrue(value));
        return useFallback ? args.Get(0, "default_value", string.Empty) : value;
    }

    private static object? ToInteger(object? value) => value switch
    {
        bool or long => PyNumber.TryGetInteger(value, out var l) ? l : null,
        double d when double.IsFinite(d) => (long)Math.Truncate(d),
        string s when long.TryParse(s.Trim().Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        string s => ToDouble(s) is double d && double.IsFinite(d) ? (long)Math.Truncate(d) : null,
        _ => null,
    };

    private static object? ToDouble(object? value) => value switch
    {
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ when PyNumber.TryGetDouble(value, out var d) && value is not string => d,
        _ => null,
    };

    private static object? Abs(object? value) => value switch
    {
        double d => (object)Math.Abs(d),
        _ when PyNumber.TryGetInteger(value, out var l) => Math.Abs(l),
        _ => throw new TemplateFault($"bad operand type for abs(): '{PyType.Name(value)}'"),
    };

    private static object? Round(object? value, CallArguments args, RenderContext context)
    {
        var precision = (int)(args.Get(0, "precision", 0L) as long? ?? 0);
        var method = PyFormat.Str(args.Get(1, "method", "common"));
        if (!PyNumber.TryGetDouble(value, out var number))
        {
            throw new TemplateFault($"type {PyType.Name(value)} doesn't define __round__ method");
        }

        var scale = Math.Pow(10, precision);
        return method switch
        {
            "common" when PyNumber.TryGetInteger(value, out var integer) => (object)integer,
            "common" => Math.Round(number, precision, MidpointRounding.ToEven),
            "ceil" => Math.Ceiling(number * scale) / scale,
            "floor" => Math.Floor(number * scale) / scale,
            _ => throw new TemplateFault("method must be 'common', 'ceil' or 'floor'"),
        };
    }

    /// <summary>HF's override of <c>tojson</c>: Python's <c>json.dumps</c> with <c>ensure_ascii=False</c> by default.</summary>
    private static object? ToJson(object? value, CallArguments args, RenderContext context)
    {
        var options = new PyJsonOptions(
            EnsureAscii: PyTruth.IsTrue(args.Get(0, "ensure_ascii", false)),
            Indent: args.Get(1, "indent"),
            Separators: args.Get(2, "separators"),
            SortKeys: PyTruth.IsTrue(args.Get(3, "sort_keys", false)));
        return PyJson.Dumps(value, options);
    }
}
