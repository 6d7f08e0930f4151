namespace AssistantBuilder.Engine.Templates;

/// <summary><c>operand is [not] test(arguments)</c>.</summary>
internal sealed class TestExpression(int line, Expression operand, TestFunction test, ArgumentList arguments, bool negated) : Expression(line)
{
    public override object? Evaluate(RenderContext context) =>
        test(operand.Evaluate(context), arguments.Evaluate(context)) != negated;
}
