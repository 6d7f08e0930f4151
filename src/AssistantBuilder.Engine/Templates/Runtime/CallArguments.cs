namespace AssistantBuilder.Engine.Templates;

/// <summary>The positional and keyword arguments of a call, filter or test.</summary>
internal sealed class CallArguments(IReadOnlyList<object?> positional, IReadOnlyDictionary<string, object?> named)
{
    public static CallArguments Empty { get; } = new([], new Dictionary<string, object?>());

    public IReadOnlyList<object?> Positional { get; } = positional;

    public IReadOnlyDictionary<string, object?> Named { get; } = named;

    public bool Has(int index, string name) => index < Positional.Count || Named.ContainsKey(name);

    /// <summary>The argument at <paramref name="index"/>, or the keyword <paramref name="name"/>, or the fallback.</summary>
    public object? Get(int index, string name, object? fallback = null)
    {
        if (index < Positional.Count)
        {
            return Positional[index];
        }

        return Named.TryGetValue(name, out var value) ? value : fallback;
    }

    public object? Required(int index, string name, string function) => Has(index, name)
        ? Get(index, name)
        : throw new TemplateFault($"{function}() missing required argument '{name}'");

    public CallArguments Skip(int count) => new([.. Positional.Skip(count)], Named);
}
