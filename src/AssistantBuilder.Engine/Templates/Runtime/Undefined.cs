namespace AssistantBuilder.Engine.Templates;

/// <summary>
/// jinja2's default <c>Undefined</c>: prints as nothing, is falsy, iterates as empty, and fails
/// when anything more is asked of it (attribute, item, arithmetic, call).
/// </summary>
internal sealed class Undefined
{
    private readonly string? _hint;

    public Undefined(string name, string? hint = null)
    {
        Name = name;
        _hint = hint;
    }

    public string Name { get; }

    public string Message => _hint ?? $"'{Name}' is undefined";

    public static Undefined NoAttribute(object? owner, string attribute) =>
        new(attribute, $"'{PyType.Name(owner)} object' has no attribute '{attribute}'");

    public static Undefined NoElement(object? owner, object? key) =>
        new(PyFormat.Str(key), $"'{PyType.Name(owner)} object' has no element {PyFormat.Repr(key)}");

    public TemplateFault Fail() => new(Message);
}
