namespace AssistantBuilder.Engine.Templates;

/// <summary>The left side of a <c>set</c> or the variables of a <c>for</c>.</summary>
internal abstract class AssignTarget
{
    public abstract void Assign(RenderContext context, object? value);
}
