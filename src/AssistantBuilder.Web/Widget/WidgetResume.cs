namespace AssistantBuilder.Web.Widget;

/// <summary>A stored conversation taken up again: the widget settings and every message so far.</summary>
public sealed record WidgetResume(Guid ConversationId, string Title, string Welcome, string Colour, IReadOnlyList<WidgetTurn> Messages);
