namespace AssistantBuilder.Engine.Templates;

/// <summary><c>not operand</c>.</summary>
internal sealed class NotExpression(int line, Expression operand) : Expression(line)
{
    public override object? Evaluate(RenderContext context) => !PyTruth.IsTrue(operand.Evaluate(context));
}
