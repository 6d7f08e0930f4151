namespace AssistantBuilder.Engine.Templates;

/// <summary><c>then if condition else otherwise</c>; without <c>else</c> a false condition gives undefined.</summary>
internal sealed class ConditionalExpression(int line, Expression condition, Expression then, Expression? otherwise) : Expression(line)
{
    public override object? Evaluate(RenderContext context)
    {
        if (PyTruth.IsTrue(condition.Evaluate(context)))
        {
            return then.Evaluate(context);
        }

        return otherwise is null ? new Undefined("else", "the inline if-expression evaluated to false and no else section was defined.") : otherwise.Evaluate(context);
    }
}
