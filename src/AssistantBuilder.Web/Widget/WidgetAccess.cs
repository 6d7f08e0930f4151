using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Widget;

/// <summary>A checked widget call: a live key, its assistant and the caller's (allowed, normalised) origin.</summary>
public sealed record WidgetAccess(WidgetKey Key, Assistant Assistant, string Origin);
