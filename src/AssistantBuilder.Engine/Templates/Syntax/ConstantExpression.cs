namespace AssistantBuilder.Engine.Templates;

/// <summary>A literal: string, number, <c>true</c>/<c>false</c>/<c>none</c>.</summary>
internal sealed class ConstantExpression(int line, object? value) : Expression(line)
{
    public override object? Evaluate(RenderContext context) => value;
}
