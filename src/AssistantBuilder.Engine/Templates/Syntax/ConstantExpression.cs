namespace AssistantBuilder.Engine.Templates;

/// <summary>A literal: string, number, <c>true</c>/<c>false</c>/<c>none</c>.</summary>
internal sealed class ConstantExpression(int line, object? value) : Expression(line)
{
    public object? Value { get; } = value;

    public override object? Evaluate(RenderContext context) => Value;
}
