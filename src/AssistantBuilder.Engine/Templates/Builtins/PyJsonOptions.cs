namespace AssistantBuilder.Engine.Templates;

/// <summary>The <c>json.dumps</c> keyword arguments HF's <c>tojson</c> passes through.</summary>
internal sealed record PyJsonOptions(bool EnsureAscii, object? Indent, object? Separators, bool SortKeys)
{
    /// <summary>What one level of indentation is, or null for single-line output.</summary>
    public string? IndentUnit => Indent switch
    {
        null or Undefined => null,
        string s => s,
        _ when PyNumber.TryGetInteger(Indent, out var width) => new string(' ', (int)Math.Max(width, 0)),
        _ => throw new TemplateFault($"indent must be an int or a str, not {PyType.Name(Indent)}"),
    };

    /// <summary>Python's defaults: <c>", "</c> and <c>": "</c>, or <c>","</c> between items when indenting.</summary>
    public (string Item, string Key) SeparatorPair => Separators switch
    {
        IReadOnlyList<object?> { Count: 2 } pair => (PyFormat.Str(pair[0]), PyFormat.Str(pair[1])),
        null or Undefined => (IndentUnit is null ? ", " : ",", ": "),
        _ => throw new TemplateFault("separators must be an (item_separator, key_separator) pair"),
    };
}
