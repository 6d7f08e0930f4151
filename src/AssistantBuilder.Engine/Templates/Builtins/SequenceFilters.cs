namespace AssistantBuilder.Engine.Templates;

/// <summary>Filters over sequences and mappings: <c>length</c>, <c>first</c>, <c>join</c>, <c>sort</c>, <c>items</c>, ...</summary>
internal static class SequenceFilters
{
    public static IReadOnlyDictionary<string, FilterFunction> Table { get; } = new Dictionary<string, FilterFunction>(StringComparer.Ordinal)
    {
        ["length"] = (value, _, _) => PyIteration.Length(value),
        ["count"] = (value, _, _) => PyIteration.Length(value),
        ["first"] = (value, _, _) => PyIteration.Iterate(value).Take(1).DefaultIfEmpty(new Undefined("first", "No first item, sequence was empty.")).First(),
        ["last"] = (value, _, _) => PyIteration.Iterate(value).TakeLast(1).DefaultIfEmpty(new Undefined("last", "No last item, sequence was empty.")).First(),
        ["list"] = (value, _, _) => PyIteration.ToList(value),
        ["join"] = Join,
        ["reverse"] = (value, _, _) => value is string s ? string.Concat(PyString.Characters(s).Reverse()) : PyIteration.Iterate(value).Reverse().ToList(),
        ["items"] = Items,
        ["unique"] = Unique,
        ["sort"] = Sort,
        ["sum"] = Sum,
        ["min"] = (value, args, _) => Extreme(value, args, sign: -1),
        ["max"] = (value, args, _) => Extreme(value, args, sign: 1),
    };

    private static object? Join(object? value, CallArguments args, RenderContext context)
    {
        var items = PyIteration.Iterate(value);
        if (args.Get(1, "attribute") is { } attribute)
        {
            items = items.Select(AttributePath.Getter(attribute));
        }

        return string.Join(PyFormat.Str(args.Get(0, "d", string.Empty)), items.Select(PyFormat.Str));
    }

    private static object? Items(object? value, CallArguments args, RenderContext context) => value switch
    {
        PyDict dict => DictMethods.Items(dict),
        Undefined => new List<object?>(),
        _ => throw new TemplateFault("Can only get item pairs from a mapping."),
    };

    private static object? Unique(object? value, CallArguments args, RenderContext context)
    {
        var key = SortKey(args.Get(0, "case_sensitive", false), args.Get(1, "attribute"));
        var seen = new List<object?>();
        var result = new List<object?>();
        foreach (var item in PyIteration.Iterate(value))
        {
            var itemKey = key(item);
            if (!seen.Any(other => PyEquality.AreEqual(other, itemKey)))
            {
                seen.Add(itemKey);
                result.Add(item);
            }
        }

        return result;
    }

    private static object? Sort(object? value, CallArguments args, RenderContext context)
    {
        var key = SortKey(args.Get(1, "case_sensitive", false), args.Get(2, "attribute"));
        var comparer = Comparer<object?>.Create((a, b) => PyOrdering.Compare(a, b));
        var items = PyIteration.Iterate(value);
        var sorted = PyTruth.IsTrue(args.Get(0, "reverse", false))
            ? items.OrderByDescending(key, comparer)
            : items.OrderBy(key, comparer);
        return sorted.ToList();
    }

    private static object? Sum(object? value, CallArguments args, RenderContext context)
    {
        var items = PyIteration.Iterate(value);
        if (args.Get(0, "attribute") is { } attribute)
        {
            items = items.Select(AttributePath.Getter(attribute));
        }

        return items.Aggregate(args.Get(1, "start", 0L), (total, item) => PyArithmetic.Binary("+", total, item));
    }

    /// <summary><c>min</c>/<c>max</c>: the first extreme item, compared like <c>sort</c>; undefined when empty.</summary>
    private static object? Extreme(object? value, CallArguments args, int sign)
    {
        var key = SortKey(args.Get(0, "case_sensitive", false), args.Get(1, "attribute"));
        var best = (object?)new Undefined(sign > 0 ? "max" : "min", "No aggregated item, sequence was empty.");
        foreach (var item in PyIteration.Iterate(value))
        {
            if (best is Undefined || PyOrdering.Compare(key(item), key(best)) * sign > 0)
            {
                best = item;
            }
        }

        return best;
    }

    /// <summary>How <c>sort</c> and <c>unique</c> compare items: by attribute, and case-insensitively by default.</summary>
    private static Func<object?, object?> SortKey(object? caseSensitive, object? attribute)
    {
        var get = attribute is null ? (item => item) : AttributePath.MultiGetter(attribute);
        return PyTruth.IsTrue(caseSensitive) ? get : item => Fold(get(item));
    }

    private static object? Fold(object? value) => value switch
    {
        string s => s.ToLowerInvariant(),
        PyTuple tuple => new PyTuple(tuple.Select(Fold)),
        _ => value,
    };
}
