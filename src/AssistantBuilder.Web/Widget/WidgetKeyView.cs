using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Widget;

/// <summary>A widget key as operators see it (the key is public by design: it goes into the page's script tag).</summary>
public sealed record WidgetKeyView(Guid Id, Guid AssistantId, string Key, string Label, bool Revoked, DateTime CreatedAt)
{
    public static WidgetKeyView From(WidgetKey k) => new(k.Id, k.AssistantId, k.Key, k.Label, k.Revoked, k.CreatedAt);
}
