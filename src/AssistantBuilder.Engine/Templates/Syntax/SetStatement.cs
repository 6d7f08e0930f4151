namespace AssistantBuilder.Engine.Templates;

/// <summary><c>{% set target = value %}</c>.</summary>
internal sealed class SetStatement(int line, AssignTarget target, Expression value) : Statement(line)
{
    public override Flow Execute(RenderContext context)
    {
        target.Assign(context, value.Evaluate(context));
        return Flow.Normal;
    }
}
