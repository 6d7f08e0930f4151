namespace AssistantBuilder.Engine.Templates;

/// <summary>Iteration, <c>len()</c> and <c>in</c> over runtime values.</summary>
internal static class PyIteration
{
    public static IEnumerable<object?> Iterate(object? value) => value switch
    {
        IReadOnlyList<object?> sequence => sequence,
        string s => PyString.Characters(s).Cast<object?>(),
        PyDict dict => dict.Keys.Cast<object?>(),
        Undefined => Enumerable.Empty<object?>(),
        _ => throw new TemplateFault($"'{PyType.Name(value)}' object is not iterable"),
    };

    public static bool IsIterable(object? value) => value is List<object?> or PyTuple or string or PyDict or Undefined;

    public static List<object?> ToList(object? value) => [.. Iterate(value)];

    public static long Length(object? value) => value switch
    {
        string s => PyString.Length(s),
        List<object?> list => list.Count,
        PyTuple tuple => tuple.Count,
        PyDict dict => dict.Count,
        Undefined => 0,
        _ => throw new TemplateFault($"object of type '{PyType.Name(value)}' has no len()"),
    };

    public static bool Contains(object? container, object? item) => container switch
    {
        string s when item is string part => s.Contains(part, StringComparison.Ordinal),
        string => throw new TemplateFault($"'in <string>' requires string as left operand, not {PyType.Name(item)}"),
        PyDict dict => dict.ContainsKey(item),
        List<object?> or PyTuple or Undefined => Iterate(container).Any(element => PyEquality.AreEqual(element, item)),
        _ => throw new TemplateFault($"argument of type '{PyType.Name(container)}' is not iterable"),
    };
}
