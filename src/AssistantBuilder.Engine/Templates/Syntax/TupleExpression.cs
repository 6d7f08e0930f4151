namespace AssistantBuilder.Engine.Templates;

/// <summary>A tuple literal <c>(a, b)</c> or a bare <c>a, b</c>.</summary>
internal sealed class TupleExpression(int line, IReadOnlyList<Expression> items) : Expression(line)
{
    public override object? Evaluate(RenderContext context) => new PyTuple(items.Select(item => item.Evaluate(context)));
}
