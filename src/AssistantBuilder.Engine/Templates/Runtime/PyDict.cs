using System.Collections;

namespace AssistantBuilder.Engine.Templates;

/// <summary>A Python dict: insertion-ordered, with Python key equality (<c>1 == 1.0 == True</c>) and None allowed as a key.</summary>
internal sealed class PyDict : IEnumerable<KeyValuePair<object?, object?>>
{
    /// <summary>Stands for the key <c>None</c>, which .NET dictionaries do not accept.</summary>
    private static readonly object NoneKey = new();

    private readonly OrderedDictionary<object, object?> _entries = new(PyKeyComparer.Instance);

    public int Count => _entries.Count;

    public IEnumerable<object?> Keys => _entries.Keys.Select(FromStored);

    public IEnumerable<object?> Values => _entries.Values;

    public object? this[object? key]
    {
        set => _entries[ToStored(key)] = value;
    }

    public bool TryGetValue(object? key, out object? value) => _entries.TryGetValue(ToStored(key), out value);

    public bool ContainsKey(object? key) => _entries.ContainsKey(ToStored(key));

    public IEnumerator<KeyValuePair<object?, object?>> GetEnumerator() =>
        _entries.Select(pair => new KeyValuePair<object?, object?>(FromStored(pair.Key), pair.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static object ToStored(object? key) => key ?? NoneKey;

    private static object? FromStored(object key) => ReferenceEquals(key, NoneKey) ? null : key;
}
