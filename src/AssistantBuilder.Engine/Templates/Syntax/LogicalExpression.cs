namespace AssistantBuilder.Engine.Templates;

/// <summary><c>and</c>/<c>or</c>: short-circuiting, and yielding an operand as Python does.</summary>
internal sealed class LogicalExpression(int line, bool isAnd, Expression left, Expression right) : Expression(line)
{
    public override object? Evaluate(RenderContext context)
    {
        var first = left.Evaluate(context);
        return PyTruth.IsTrue(first) == isAnd ? right.Evaluate(context) : first;
    }
}
