namespace AssistantBuilder.Engine.Templates;

/// <summary><c>{% set ns.attribute = value %}</c>: the one mutation a loop body can make visible outside it.</summary>
internal sealed class NamespaceAttributeTarget(string name, string attribute) : AssignTarget
{
    public override void Assign(RenderContext context, object? value)
    {
        if (context.Resolve(name) is not TemplateNamespace ns)
        {
            throw new TemplateFault("cannot assign attribute on non-namespace object");
        }

        ns.SetAttribute(attribute, value);
    }
}
