namespace AssistantBuilder.Engine.Templates;

/// <summary>A variable reference; unknown names evaluate to <see cref="Undefined"/>.</summary>
internal sealed class NameExpression(int line, string name) : Expression(line)
{
    public override object? Evaluate(RenderContext context) => context.Resolve(name);
}
