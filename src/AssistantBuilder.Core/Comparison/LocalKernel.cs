using AssistantBuilder.Core.Serving;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// The local engine registered with Semantic Kernel: an <see cref="EngineChatClient"/> (a Microsoft.Extensions.AI
/// <see cref="IChatClient"/>) adapted by SK's <c>AsChatCompletionService</c> into its <see cref="IChatCompletionService"/>,
/// streaming included. The kernel holds both, so SK code and M.E.AI code can each ask for their own interface.
/// </summary>
public static class LocalKernel
{
    public static Kernel Create(IChatClient client)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton(client.AsChatCompletionService());
        return builder.Build();
    }

    /// <summary>Settings for greedy decoding through SK's chat-client adapter (temperature 0, an answer length cap).</summary>
    public static PromptExecutionSettings Greedy(int maxTokens) => new()
    {
        ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.0, ["max_tokens"] = maxTokens },
    };
}
