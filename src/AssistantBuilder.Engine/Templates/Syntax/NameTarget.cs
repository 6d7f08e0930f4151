namespace AssistantBuilder.Engine.Templates;

/// <summary>Assigns a variable in the current scope.</summary>
internal sealed class NameTarget(string name) : AssignTarget
{
    public override void Assign(RenderContext context, object? value) => context.Scope.Set(name, value);
}
