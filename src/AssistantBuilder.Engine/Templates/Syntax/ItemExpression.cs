namespace AssistantBuilder.Engine.Templates;

/// <summary><c>target[key]</c>, where the key may be a slice.</summary>
internal sealed class ItemExpression(int line, Expression target, Expression key) : Expression(line)
{
    public override object? Evaluate(RenderContext context) => MemberAccess.GetItem(target.Evaluate(context), key.Evaluate(context));
}
