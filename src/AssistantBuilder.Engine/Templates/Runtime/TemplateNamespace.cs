namespace AssistantBuilder.Engine.Templates;

/// <summary>The object <c>namespace(...)</c> returns; the one value a <c>{% set ns.x = ... %}</c> may change.</summary>
internal sealed class TemplateNamespace : IAttributeSource
{
    public PyDict Attributes { get; } = new();

    public bool TryGetAttribute(string name, out object? value) => Attributes.TryGetValue(name, out value);

    public void SetAttribute(string name, object? value) => Attributes[name] = value;
}
