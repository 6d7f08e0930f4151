namespace AssistantBuilder.Engine.Templates;

/// <summary>Python's <c>&lt;</c>: numbers with numbers, strings with strings, sequences lexicographically.</summary>
internal static class PyOrdering
{
    public static int Compare(object? left, object? right, string op = "<")
    {
        if (PyNumber.IsNumber(left) && PyNumber.IsNumber(right))
        {
            return CompareNumbers(left, right);
        }

        return (left, right) switch
        {
            (string a, string b) => Math.Sign(string.CompareOrdinal(a, b)),
            (List<object?> a, List<object?> b) => CompareSequences(a, b),
            (PyTuple a, PyTuple b) => CompareSequences(a, b),
            (Undefined u, _) => throw u.Fail(),
            (_, Undefined u) => throw u.Fail(),
            _ => throw new TemplateFault(
                $"'{op}' not supported between instances of '{PyType.Name(left)}' and '{PyType.Name(right)}'"),
        };
    }

    private static int CompareNumbers(object? left, object? right)
    {
        if (PyNumber.TryGetInteger(left, out var a) && PyNumber.TryGetInteger(right, out var b))
        {
            return a.CompareTo(b);
        }

        PyNumber.TryGetDouble(left, out var x);
        PyNumber.TryGetDouble(right, out var y);
        return x.CompareTo(y);
    }

    private static int CompareSequences(IReadOnlyList<object?> a, IReadOnlyList<object?> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (!PyEquality.AreEqual(a[i], b[i]))
            {
                return Compare(a[i], b[i]);
            }
        }

        return a.Count.CompareTo(b.Count);
    }
}
