namespace AssistantBuilder.Engine.Templates;

/// <summary>The tests of <c>value is name</c>, with jinja2's definitions (e.g. a string is iterable and a sequence).</summary>
internal static class BuiltinTests
{
    public static IReadOnlyDictionary<string, TestFunction> Table { get; } = new Dictionary<string, TestFunction>(StringComparer.Ordinal)
    {
        ["defined"] = (value, _) => value is not Undefined,
        ["undefined"] = (value, _) => value is Undefined,
        ["none"] = (value, _) => value is null,
        ["string"] = (value, _) => value is string,
        ["mapping"] = (value, _) => value is PyDict,
        ["iterable"] = (value, _) => PyIteration.IsIterable(value),
        ["sequence"] = (value, _) => value is string or List<object?> or PyTuple or PyDict or Undefined,
        ["number"] = (value, _) => PyNumber.IsNumber(value),
        ["integer"] = (value, _) => value is long,
        ["float"] = (value, _) => value is double,
        ["boolean"] = (value, _) => value is bool,
        ["true"] = (value, _) => value is true,
        ["false"] = (value, _) => value is false,
        ["callable"] = (value, _) => value is ITemplateCallable,
        ["odd"] = (value, _) => Integer(value) % 2 != 0,
        ["even"] = (value, _) => Integer(value) % 2 == 0,
        ["divisibleby"] = (value, args) => Integer(value) % Integer(args.Required(0, "num", "divisibleby")) == 0,
        ["lower"] = (value, _) => value is string s && s == s.ToLowerInvariant(),
        ["upper"] = (value, _) => value is string s && s == s.ToUpperInvariant(),
        ["escaped"] = (_, _) => false,
        ["in"] = (value, args) => PyIteration.Contains(args.Required(0, "seq", "in"), value),
        ["sameas"] = (value, args) => SameAs(value, args.Required(0, "other", "sameas")),
        ["eq"] = Equal, ["equalto"] = Equal, ["=="] = Equal,
        ["ne"] = (value, args) => !Equal(value, args), ["!="] = (value, args) => !Equal(value, args),
        ["lt"] = Ordered(c => c < 0, "<"), ["lessthan"] = Ordered(c => c < 0, "<"), ["<"] = Ordered(c => c < 0, "<"),
        ["le"] = Ordered(c => c <= 0, "<="), ["<="] = Ordered(c => c <= 0, "<="),
        ["gt"] = Ordered(c => c > 0, ">"), ["greaterthan"] = Ordered(c => c > 0, ">"), [">"] = Ordered(c => c > 0, ">"),
        ["ge"] = Ordered(c => c >= 0, ">="), [">="] = Ordered(c => c >= 0, ">="),
    };

    private static bool Equal(object? value, CallArguments args) => PyEquality.AreEqual(value, args.Required(0, "other", "eq"));

    private static TestFunction Ordered(Func<int, bool> accept, string op) =>
        (value, args) => accept(PyOrdering.Compare(value, args.Required(0, "other", op), op));

    private static bool SameAs(object? value, object? other) => value is null or bool
        ? Equals(value, other)
        : ReferenceEquals(value, other) || (value is long or double && Equals(value, other));

    private static long Integer(object? value) => PyNumber.TryGetInteger(value, out var number)
        ? number
        : throw new TemplateFault($"unsupported operand type(s) for %: '{PyType.Name(value)}' and 'int'");
}
