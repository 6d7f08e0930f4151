namespace AssistantBuilder.Engine.Templates;

/// <summary>A runtime object whose attributes templates can read (<c>loop.index</c>, <c>ns.found</c>).</summary>
internal interface IAttributeSource
{
    bool TryGetAttribute(string name, out object? value);
}
