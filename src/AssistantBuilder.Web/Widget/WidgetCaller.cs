namespace AssistantBuilder.Web.Widget;

/// <summary>Who sends a widget message, as the rate limits partition it.</summary>
public readonly record struct WidgetCaller(string Key, string Ip);
