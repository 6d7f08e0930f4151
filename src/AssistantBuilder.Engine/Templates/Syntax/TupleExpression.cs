namespace AssistantBuilder.Engine.Templates;

/// <summary>A tuple literal <c>(a, b)</c> or a bare <c>a, b</c>.</summary>
internal sealed class TupleExpression(int line, IReadOnlyList<Expression> items) : Expression(line)
{
    public IReadOnlyList<Expression> Items { get; } = items;

    public override object? Evaluate(RenderContext context) => new PyTuple(Items.Select(item => item.Evaluate(context)));
}
