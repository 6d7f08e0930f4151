namespace AssistantBuilder.Engine.Templates;

/// <summary>The read-only list and tuple methods (the sandbox forbids <c>append</c> and friends).</summary>
internal static class SequenceMethods
{
    public static IReadOnlyDictionary<string, Func<IReadOnlyList<object?>, CallArguments, object?>> Table { get; } =
        new Dictionary<string, Func<IReadOnlyList<object?>, CallArguments, object?>>(StringComparer.Ordinal)
        {
            ["count"] = (items, args) => (long)items.Count(item => PyEquality.AreEqual(item, args.Required(0, "value", "count"))),
            ["index"] = Index,
        };

    private static object? Index(IReadOnlyList<object?> items, CallArguments args)
    {
        var wanted = args.Required(0, "value", "index");
        for (var i = 0; i < items.Count; i++)
        {
            if (PyEquality.AreEqual(items[i], wanted))
            {
                return (long)i;
            }
        }

        throw new TemplateFault($"{PyFormat.Repr(wanted)} is not in list");
    }
}
