using System.Globalization;

namespace AssistantBuilder.Engine.Templates;

/// <summary>Python's <c>str()</c> and <c>repr()</c>, which is what <c>{{ value }}</c> prints.</summary>
internal static class PyFormat
{
    public static string Str(object? value) => value switch
    {
        null => "None",
        string s => s,
        Undefined => string.Empty,
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => PyFloat.Repr(d),
        List<object?> list => "[" + JoinRepr(list) + "]",
        PyTuple tuple => tuple.Count == 1 ? "(" + Repr(tuple[0]) + ",)" : "(" + JoinRepr(tuple) + ")",
        PyDict dict => "{" + string.Join(", ", dict.Select(pair => Repr(pair.Key) + ": " + Repr(pair.Value))) + "}",
        TemplateNamespace ns => "<Namespace " + Str(ns.Attributes) + ">",
        LoopInfo loop => $"<LoopContext {loop.Index0 + 1}/{loop.Length}>",
        NativeFunction function => $"<built-in function {function.Name}>",
        MacroValue macro => $"<Macro '{macro.Name}'>",
        _ => value.ToString() ?? string.Empty,
    };

    public static string Repr(object? value) => value switch
    {
        string s => PyString.Repr(s),
        Undefined => "Undefined",
        _ => Str(value),
    };

    private static string JoinRepr(IEnumerable<object?> items) => string.Join(", ", items.Select(Repr));
}
