namespace AssistantBuilder.Engine.Templates;

/// <summary>Dictionary key equality with Python semantics, so <c>d[1]</c> and <c>d[1.0]</c> find the same entry.</summary>
internal sealed class PyKeyComparer : IEqualityComparer<object>
{
    public static PyKeyComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => PyEquality.AreEqual(x, y);

    public int GetHashCode(object obj) => obj switch
    {
        string s => StringComparer.Ordinal.GetHashCode(s),
        bool b => b ? 1 : 0,
        long l => l.GetHashCode(),
        double d when d == Math.Floor(d) && Math.Abs(d) < long.MaxValue => ((long)d).GetHashCode(),
        double d => d.GetHashCode(),
        _ => obj.GetHashCode(),
    };
}
