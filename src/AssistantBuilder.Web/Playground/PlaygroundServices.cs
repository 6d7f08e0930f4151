using AssistantBuilder.Web.Serving;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistantBuilder.Web.Playground;

public static class PlaygroundServices
{
    /// <summary>What the playground page needs besides the assistants' chat clients: the conversation store.</summary>
    public static WebApplicationBuilder AddPlayground(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ConversationRecorder>();
        return builder;
    }
}
