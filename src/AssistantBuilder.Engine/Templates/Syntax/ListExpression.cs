namespace AssistantBuilder.Engine.Templates;

/// <summary>A list literal <c>[a, b]</c>.</summary>
internal sealed class ListExpression(int line, IReadOnlyList<Expression> items) : Expression(line)
{
    public override object? Evaluate(RenderContext context) => items.Select(item => item.Evaluate(context)).ToList();
}
