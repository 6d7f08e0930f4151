namespace AssistantBuilder.Engine.Templates;

/// <summary><c>operand | filter(arguments)</c>.</summary>
internal sealed class FilterExpression(int line, Expression operand, FilterFunction filter, ArgumentList arguments) : Expression(line)
{
    public override object? Evaluate(RenderContext context) =>
        filter(operand.Evaluate(context), arguments.Evaluate(context), context);
}
