namespace AssistantBuilder.Web.Widget;

/// <summary>What the widget shows for a new conversation: its id and the assistant's widget settings.</summary>
public sealed record WidgetStart(Guid ConversationId, string Title, string Welcome, string Colour);
