namespace AssistantBuilder.Engine.Templates;

/// <summary>An arithmetic or concatenation operator: <c>+ - * / // % ** ~</c>.</summary>
internal sealed class BinaryExpression(int line, string op, Expression left, Expression right) : Expression(line)
{
    public override object? Evaluate(RenderContext context) =>
        PyArithmetic.Binary(op, left.Evaluate(context), right.Evaluate(context));
}
