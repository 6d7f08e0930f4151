namespace AssistantBuilder.Engine.Templates;

/// <summary><c>{% if %}...{% elif %}...{% else %}...{% endif %}</c>; runs in the enclosing scope.</summary>
internal sealed class IfStatement(int line, IReadOnlyList<(Expression Condition, StatementList Body)> branches, StatementList? otherwise) : Statement(line)
{
    public override Flow Execute(RenderContext context)
    {
        foreach (var (condition, body) in branches)
        {
            if (PyTruth.IsTrue(condition.Evaluate(context)))
            {
                return body.Execute(context);
            }
        }

        return otherwise?.Execute(context) ?? Flow.Normal;
    }
}
