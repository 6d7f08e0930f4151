namespace AssistantBuilder.Engine.Templates;

/// <summary>A macro at runtime: calling it renders its body in a scope nested in the one it was defined in.</summary>
internal sealed class MacroValue(MacroDefinition definition, Scope closure) : ITemplateCallable
{
    public string Name => definition.Name;

    public object? Call(CallArguments arguments, RenderContext context) => context.InScope(
        () =>
        {
            Bind(arguments, context);
            return context.Capture(() => definition.Body.Execute(context));
        },
        closure);

    private void Bind(CallArguments arguments, RenderContext context)
    {
        var parameters = definition.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var value = arguments.Has(i, parameter.Name)
                ? arguments.Get(i, parameter.Name)
                : parameter.Default?.Evaluate(context) ?? new Undefined(parameter.Name);
            context.Scope.Set(parameter.Name, value);
        }

        var names = parameters.Select(parameter => parameter.Name).ToHashSet(StringComparer.Ordinal);
        context.Scope.Set("varargs", arguments.Positional.Skip(parameters.Count).ToList());
        context.Scope.Set("kwargs", Keywords(arguments, names));
        if (arguments.Named.TryGetValue("caller", out var caller))
        {
            context.Scope.Set("caller", caller);
        }
    }

    private static PyDict Keywords(CallArguments arguments, HashSet<string> parameterNames)
    {
        var extra = new PyDict();
        foreach (var (name, value) in arguments.Named.Where(pair => pair.Key != "caller" && !parameterNames.Contains(pair.Key)))
        {
            extra[name] = value;
        }

        return extra;
    }
}
