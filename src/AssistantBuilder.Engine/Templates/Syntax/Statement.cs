namespace AssistantBuilder.Engine.Templates;

/// <summary>A template statement: text, <c>{{ output }}</c> or a <c>{% tag %}</c>. Executes itself.</summary>
internal abstract class Statement(int line)
{
    public int Line { get; } = line;

    public abstract Flow Execute(RenderContext context);
}
