namespace AssistantBuilder.Engine.Templates;

/// <summary>Python's <c>==</c>: numbers compare by value across int/float/bool, containers element-wise.</summary>
internal static class PyEquality
{
    public static bool AreEqual(object? left, object? right)
    {
        if (left is Undefined || right is Undefined)
        {
            return left is Undefined && right is Undefined;
        }

        if (PyNumber.IsNumber(left) && PyNumber.IsNumber(right))
        {
            return NumbersEqual(left, right);
        }

        return (left, right) switch
        {
            (null, null) => true,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (List<object?> a, List<object?> b) => SequencesEqual(a, b),
            (PyTuple a, PyTuple b) => SequencesEqual(a, b),
            (PyDict a, PyDict b) => DictsEqual(a, b),
            _ => ReferenceEquals(left, right),
        };
    }

    private static bool NumbersEqual(object? left, object? right)
    {
        if (PyNumber.TryGetInteger(left, out var a) && PyNumber.TryGetInteger(right, out var b))
        {
            return a == b;
        }

        PyNumber.TryGetDouble(left, out var x);
        PyNumber.TryGetDouble(right, out var y);
        return x == y;
    }

    private static bool SequencesEqual(IReadOnlyList<object?> a, IReadOnlyList<object?> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => AreEqual(pair.First, pair.Second));

    private static bool DictsEqual(PyDict a, PyDict b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && AreEqual(pair.Value, other));
}
