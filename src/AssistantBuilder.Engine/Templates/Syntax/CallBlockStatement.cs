namespace AssistantBuilder.Engine.Templates;

/// <summary><c>{% call macro(args) %}body{% endcall %}</c>: calls the macro with <c>caller()</c> rendering the body.</summary>
internal sealed class CallBlockStatement(int line, CallExpression call, MacroDefinition caller) : Statement(line)
{
    public override Flow Execute(RenderContext context)
    {
        var result = call.Invoke(context, ("caller", new MacroValue(caller, context.Scope)));
        context.Output.Append(PyFormat.Str(result));
        return Flow.Normal;
    }
}
