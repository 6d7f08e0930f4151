namespace AssistantBuilder.Engine.Templates;

/// <summary>Python's name for a runtime value's type, as error messages show it.</summary>
internal static class PyType
{
    public static string Name(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        long => "int",
        double => "float",
        string => "str",
        List<object?> => "list",
        PyTuple => "tuple",
        PyDict => "dict",
        TemplateNamespace => "Namespace",
        LoopInfo => "LoopContext",
        Undefined => "Undefined",
        SliceValue => "slice",
        ITemplateCallable => "function",
        _ => value.GetType().Name,
    };
}
