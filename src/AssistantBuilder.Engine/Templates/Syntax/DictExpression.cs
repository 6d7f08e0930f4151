namespace AssistantBuilder.Engine.Templates;

/// <summary>A dict literal <c>{'key': value}</c>.</summary>
internal sealed class DictExpression(int line, IReadOnlyList<(Expression Key, Expression Value)> entries) : Expression(line)
{
    public override object? Evaluate(RenderContext context)
    {
        var dict = new PyDict();
        foreach (var (key, value) in entries)
        {
            dict[key.Evaluate(context)] = value.Evaluate(context);
        }

        return dict;
    }
}
