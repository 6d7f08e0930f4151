namespace AssistantBuilder.Engine.Templates;

/// <summary>Unpacks a sequence into several names: <c>{% for key, value in d.items() %}</c>.</summary>
internal sealed class TupleTarget(IReadOnlyList<AssignTarget> targets) : AssignTarget
{
    public override void Assign(RenderContext context, object? value)
    {
        var items = PyIteration.ToList(value);
        if (items.Count != targets.Count)
        {
            throw new TemplateFault(items.Count > targets.Count
                ? $"too many values to unpack (expected {targets.Count})"
                : $"not enough values to unpack (expected {targets.Count}, got {items.Count})");
        }

        for (var i = 0; i < targets.Count; i++)
        {
            targets[i].Assign(context, items[i]);
        }
    }
}
