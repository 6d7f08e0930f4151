namespace AssistantBuilder.Engine.Templates;

/// <summary>
/// jinja2's <c>getattr</c>/<c>getitem</c>: <c>x.name</c> tries methods first and then keys, <c>x['name']</c> the
/// other way round; a miss gives an <see cref="Undefined"/>, but any access on an undefined value fails.
/// </summary>
internal static class MemberAccess
{
    public static object? GetAttribute(object? target, string name)
    {
        switch (target)
        {
            case Undefined undefined:
                throw undefined.Fail();
            case IAttributeSource source:
                return source.TryGetAttribute(name, out var attribute) ? attribute : Undefined.NoAttribute(target, name);
        }

        if (BuiltinMethods.TryBind(target, name) is { } method)
        {
            return method;
        }

        return target is PyDict dict && dict.TryGetValue(name, out var value) ? value : Undefined.NoAttribute(target, name);
    }

    public static object? GetItem(object? target, object? key)
    {
        if (target is Undefined undefined)
        {
            throw undefined.Fail();
        }

        if (key is SliceValue slice)
        {
            return Slicing.Slice(target, slice);
        }

        if (TryGetElement(target, key, out var element))
        {
            return element;
        }

        return key is string name ? GetAttribute(target, name) : Undefined.NoElement(target, key);
    }

    private static bool TryGetElement(object? target, object? key, out object? element)
    {
        element = null;
        if (target is PyDict dict)
        {
            return dict.TryGetValue(key, out element);
        }

        if (!PyNumber.TryGetInteger(key, out var index))
        {
            return false;
        }

        return target switch
        {
            List<object?> list => Slicing.TryIndex(list, index, out element),
            PyTuple tuple => Slicing.TryIndex(tuple, index, out element),
            string s => TryIndexString(s, index, out element),
            _ => false,
        };
    }

    private static bool TryIndexString(string s, long index, out object? element)
    {
        var found = Slicing.TryIndex(PyString.Characters(s), index, out var character);
        element = character;
        return found;
    }
}
