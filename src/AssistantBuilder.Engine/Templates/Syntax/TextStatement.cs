namespace AssistantBuilder.Engine.Templates;

/// <summary>Template data outside any tag, after whitespace control.</summary>
internal sealed class TextStatement(int line, string text) : Statement(line)
{
    public override Flow Execute(RenderContext context)
    {
        context.Output.Append(text);
        return Flow.Normal;
    }
}
