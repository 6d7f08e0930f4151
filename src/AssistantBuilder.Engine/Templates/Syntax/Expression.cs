namespace AssistantBuilder.Engine.Templates;

/// <summary>An expression node; evaluates itself against the render context.</summary>
internal abstract class Expression(int line)
{
    public int Line { get; } = line;

    public abstract object? Evaluate(RenderContext context);
}
