namespace AssistantBuilder.Engine.Templates;

/// <summary>Every filter, test and global function the engine knows, by name.</summary>
internal static class Builtins
{
    public static IReadOnlyDictionary<string, FilterFunction> Filters { get; } = Merge(
        StringFilters.Table, SequenceFilters.Table, SelectionFilters.Table, ValueFilters.Table);

    public static IReadOnlyDictionary<string, TestFunction> Tests => BuiltinTests.Table;

    public static IReadOnlyDictionary<string, object?> Globals => BuiltinGlobals.Table;

    private static Dictionary<string, FilterFunction> Merge(params IReadOnlyDictionary<string, FilterFunction>[] tables) =>
        tables.SelectMany(table => table).ToDictionary(StringComparer.Ordinal);
}
