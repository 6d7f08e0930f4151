namespace AssistantBuilder.Engine.Templates;

/// <summary>The <c>start:stop:step</c> inside a subscript.</summary>
internal sealed class SliceExpression(int line, Expression? start, Expression? stop, Expression? step) : Expression(line)
{
    public override object? Evaluate(RenderContext context) =>
        new SliceValue(Bound(start, context), Bound(stop, context), Bound(step, context));

    private static long? Bound(Expression? expression, RenderContext context) => expression?.Evaluate(context) switch
    {
        null => null,
        var value when PyNumber.TryGetInteger(value, out var index) => index,
        var value => throw new TemplateFault($"slice indices must be integers or None, not {PyType.Name(value)}"),
    };
}
