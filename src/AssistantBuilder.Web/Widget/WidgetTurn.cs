namespace AssistantBuilder.Web.Widget;

/// <summary>One stored turn as the widget redraws it after a reconnect or a page reload.</summary>
public sealed record WidgetTurn(int Index, string Role, string Content, bool Truncated, int? Rating);
