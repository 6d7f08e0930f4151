namespace AssistantBuilder.Engine.Templates;

/// <summary>jinja2's attribute getter for filters: <c>attribute='a.b.0'</c> walks items/attributes in turn.</summary>
internal static class AttributePath
{
    public static Func<object?, object?> Getter(object? attribute)
    {
        var parts = PyFormat.Str(attribute).Split('.').Select(Part).ToArray();
        return item => parts.Aggregate(item, MemberAccess.GetItem);
    }

    /// <summary>A getter for each of the comma-separated paths, as <c>sort(attribute='a,b')</c> takes.</summary>
    public static Func<object?, object?> MultiGetter(object? attribute)
    {
        var getters = PyFormat.Str(attribute).Split(',').Select(path => Getter(path.Trim())).ToArray();
        return getters.Length == 1 ? getters[0] : item => new PyTuple(getters.Select(get => get(item)));
    }

    private static object Part(string part) => long.TryParse(part, out var index) ? index : part;
}
