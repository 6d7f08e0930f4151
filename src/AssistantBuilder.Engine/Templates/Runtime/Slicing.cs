namespace AssistantBuilder.Engine.Templates;

/// <summary>Python slicing (<c>x[1:]</c>, <c>x[::-1]</c>) and indexing with negative positions.</summary>
internal static class Slicing
{
    public static object? Slice(object? target, SliceValue slice) => target switch
    {
        List<object?> list => Pick(list, slice).ToList(),
        PyTuple tuple => new PyTuple(Pick(tuple, slice)),
        string s => string.Concat(Pick(PyString.Characters(s), slice)),
        Undefined undefined => throw undefined.Fail(),
        _ => throw new TemplateFault($"'{PyType.Name(target)}' object is not subscriptable"),
    };

    /// <summary>The element at a Python index, or null when out of range.</summary>
    public static bool TryIndex<T>(IReadOnlyList<T> items, long index, out T? value)
    {
        var position = index < 0 ? index + items.Count : index;
        var found = position >= 0 && position < items.Count;
        value = found ? items[(int)position] : default;
        return found;
    }

    private static IEnumerable<T> Pick<T>(IReadOnlyList<T> items, SliceValue slice)
    {
        var step = slice.Step ?? 1;
        if (step == 0)
        {
            throw new TemplateFault("slice step cannot be zero");
        }

        var (start, stop) = Bounds(items.Count, slice, step);
        for (var i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            yield return items[(int)i];
        }
    }

    private static (long Start, long Stop) Bounds(long length, SliceValue slice, long step)
    {
        var (low, high) = step > 0 ? (0L, length) : (-1L, length - 1);
        var start = slice.Start is { } s ? Clamp(s, length, low, high) : (step > 0 ? 0 : length - 1);
        var stop = slice.Stop is { } e ? Clamp(e, length, low, high) : (step > 0 ? length : -1);
        return (start, stop);
    }

    private static long Clamp(long index, long length, long low, long high) =>
        index < 0 ? Math.Max(index + length, low) : Math.Min(index, high);
}
