namespace AssistantBuilder.Engine.Templates;

/// <summary>
/// A body rendered in place within its own scope: HF's <c>{% generation %}...{% endgeneration %}</c>,
/// which only marks assistant output for masking (not recorded here).
/// </summary>
internal sealed class ScopedBlockStatement(int line, StatementList body) : Statement(line)
{
    public override Flow Execute(RenderContext context)
    {
        context.InScope(() => body.Execute(context));
        return Flow.Normal;
    }
}
