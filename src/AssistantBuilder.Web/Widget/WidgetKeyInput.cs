namespace AssistantBuilder.Web.Widget;

/// <summary>A new widget key's label, e.g. the site it is for (optional).</summary>
public sealed record WidgetKeyInput(string? Label);
