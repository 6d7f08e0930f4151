namespace AssistantBuilder.Engine.Templates;

/// <summary><c>{% set target %}...{% endset %}</c>: assigns what the body renders.</summary>
internal sealed class SetBlockStatement(int line, AssignTarget target, StatementList body) : Statement(line)
{
    public override Flow Execute(RenderContext context)
    {
        var text = context.Capture(() => context.InScope(() => body.Execute(context)));
        target.Assign(context, text);
        return Flow.Normal;
    }
}
