using System.Collections;

namespace AssistantBuilder.Engine.Templates;

/// <summary>A Python tuple: an immutable sequence that prints as <c>(a, b)</c>.</summary>
internal sealed class PyTuple : IReadOnlyList<object?>
{
    private readonly object?[] _items;

    public PyTuple(IEnumerable<object?> items)
    {
        _items = [.. items];
    }

    public int Count => _items.Length;

    public object? this[int index] => _items[index];

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
