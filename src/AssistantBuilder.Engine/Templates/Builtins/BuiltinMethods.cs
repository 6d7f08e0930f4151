namespace AssistantBuilder.Engine.Templates;

/// <summary>Binds <c>value.method</c> to a callable for the Python methods templates use on str, dict and list.</summary>
internal static class BuiltinMethods
{
    public static NativeFunction? TryBind(object? receiver, string name) => receiver switch
    {
        string s => Bind(StringMethods.Table, s, name),
        PyDict dict => Bind(DictMethods.Table, dict, name),
        List<object?> list => Bind(SequenceMethods.Table, list, name),
        PyTuple tuple => Bind(SequenceMethods.Table, tuple, name),
        _ => null,
    };

    private static NativeFunction? Bind<T>(IReadOnlyDictionary<string, Func<T, CallArguments, object?>> table, T receiver, string name) =>
        table.TryGetValue(name, out var method) ? new NativeFunction(name, (args, _) => method(receiver, args)) : null;
}
