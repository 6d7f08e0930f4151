namespace AssistantBuilder.Data;

/// <summary>How an assistant's embeddable chat widget looks and where it may be embedded.</summary>
public sealed record WidgetSettings
{
    public string Title { get; init; } = "Chat with us";
    public string WelcomeMessage { get; init; } = "Hi! How can I help?";
    public string PrimaryColor { get; init; } = "#3f51b5";
    /// <summary>Origins allowed to embed the widget, e.g. https://shop.example.com.</summary>
    public List<string> AllowedOrigins { get; init; } = [];
}
