namespace AssistantBuilder.Engine.Templates;

/// <summary><c>-operand</c> or <c>+operand</c>.</summary>
internal sealed class UnaryExpression(int line, string op, Expression operand) : Expression(line)
{
    public override object? Evaluate(RenderContext context) => op == "-"
        ? PyArithmetic.Negate(operand.Evaluate(context))
        : PyArithmetic.Plus(operand.Evaluate(context));
}
