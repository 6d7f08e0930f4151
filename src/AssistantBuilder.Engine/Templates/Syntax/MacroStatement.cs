namespace AssistantBuilder.Engine.Templates;

/// <summary><c>{% macro name(params) %}...{% endmacro %}</c>: defines a callable in the current scope.</summary>
internal sealed class MacroStatement(int line, MacroDefinition definition) : Statement(line)
{
    public override Flow Execute(RenderContext context)
    {
        context.Scope.Set(definition.Name, new MacroValue(definition, context.Scope));
        return Flow.Normal;
    }
}
