namespace AssistantBuilder.Engine.Templates;

/// <summary><c>{{ expression }}</c>: prints Python's <c>str()</c> of the value (nothing for undefined).</summary>
internal sealed class OutputStatement(int line, Expression expression) : Statement(line)
{
    public override Flow Execute(RenderContext context)
    {
        context.Output.Append(PyFormat.Str(expression.Evaluate(context)));
        return Flow.Normal;
    }
}
