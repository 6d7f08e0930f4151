namespace AssistantBuilder.Engine.Templates;

/// <summary>A sequence of statements; a failure in one becomes a <see cref="TemplateException"/> naming its line.</summary>
internal sealed class StatementList(IReadOnlyList<Statement> statements)
{
    public Flow Execute(RenderContext context)
    {
        foreach (var statement in statements)
        {
            var flow = Run(statement, context);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }

        return Flow.Normal;
    }

    private static Flow Run(Statement statement, RenderContext context)
    {
        try
        {
            return statement.Execute(context);
        }
        catch (TemplateFault fault)
        {
            throw fault.At(context.TemplateName, statement.Line);
        }
    }
}
