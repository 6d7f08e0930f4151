namespace AssistantBuilder.Engine.Templates;

/// <summary>Python truthiness: empty strings and containers, zero, None and undefined are false.</summary>
internal static class PyTruth
{
    public static bool IsTrue(object? value) => value switch
    {
        null or Undefined => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        List<object?> list => list.Count > 0,
        PyTuple tuple => tuple.Count > 0,
        PyDict dict => dict.Count > 0,
        _ => true,
    };
}
