namespace AssistantBuilder.Engine.Templates;

/// <summary><c>target.name</c>.</summary>
internal sealed class AttributeExpression(int line, Expression target, string name) : Expression(line)
{
    public override object? Evaluate(RenderContext context) => MemberAccess.GetAttribute(target.Evaluate(context), name);
}
