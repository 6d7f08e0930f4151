namespace AssistantBuilder.Engine.Templates;

/// <summary>
/// <c>{% for target in iterable if filter %}...{% else %}...{% endfor %}</c>. Each iteration gets its own scope,
/// so assignments in the body do not outlive it (jinja2's scoping; use a namespace to carry state).
/// </summary>
internal sealed class ForStatement(int line, AssignTarget target, Expression iterable, Expression? filter, StatementList body, StatementList? otherwise)
    : Statement(line)
{
    public override Flow Execute(RenderContext context)
    {
        var items = PyIteration.Iterate(iterable.Evaluate(context)).Where(item => Accepts(item, context)).ToList();
        if (items.Count == 0)
        {
            return otherwise?.Execute(context) ?? Flow.Normal;
        }

        var loop = new LoopInfo(items, depth0: 0);
        for (loop.Index0 = 0; loop.Index0 < items.Count; loop.Index0++)
        {
            if (RunIteration(items[loop.Index0], loop, context) == Flow.Break)
            {
                break;
            }
        }

        return Flow.Normal;
    }

    private Flow RunIteration(object? item, LoopInfo loop, RenderContext context) => context.InScope(() =>
    {
        target.Assign(context, item);
        context.Scope.Set("loop", loop);
        return body.Execute(context);
    });

    private bool Accepts(object? item, RenderContext context) => filter is null || context.InScope(() =>
    {
        target.Assign(context, item);
        return PyTruth.IsTrue(filter.Evaluate(context));
    });
}
