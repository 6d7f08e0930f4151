namespace AssistantBuilder.Engine.Templates;

/// <summary>The argument expressions of a call, filter or test.</summary>
internal sealed class ArgumentList(IReadOnlyList<Expression> positional, IReadOnlyList<(string Name, Expression Value)> named)
{
    public static ArgumentList None { get; } = new([], []);

    public CallArguments Evaluate(RenderContext context, params (string Name, object? Value)[] extra)
    {
        var values = positional.Select(argument => argument.Evaluate(context)).ToList();
        var keywords = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in named)
        {
            keywords[name] = value.Evaluate(context);
        }

        foreach (var (name, value) in extra)
        {
            keywords[name] = value;
        }

        return new CallArguments(values, keywords);
    }
}
