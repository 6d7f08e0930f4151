namespace AssistantBuilder.Web.Conversations;

public static class ConversationsServices
{
    /// <summary>Stored conversations (widget, playground, API) and the feedback loop that turns ratings into a dataset.</summary>
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConversationStore>();
        builder.Services.AddSingleton<FeedbackDatasets>();
        return builder;
    }
}
