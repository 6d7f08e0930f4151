namespace AssistantBuilder.Engine.Templates;

/// <summary><c>{% break %}</c> or <c>{% continue %}</c> (jinja2's loopcontrols extension).</summary>
internal sealed class LoopControlStatement(int line, Flow flow) : Statement(line)
{
    public override Flow Execute(RenderContext context) => flow;
}
