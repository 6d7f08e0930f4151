using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Ai = Microsoft.Extensions.AI;

namespace AssistantBuilder.Web.FunctionalTests.OpenAi;

/// <summary>Semantic Kernel's OpenAI connector pointed at /v1 answers like the assistant's own chat client.</summary>
public sealed class SemanticKernelTests(OpenAiApp app) : IClassFixture<OpenAiApp>
{
    async Task<IChatCompletionService> ChatAsync()
    {
        var http = app.CreateClient();
        http.BaseAddress = new Uri(app.Server.BaseAddress, "v1/");
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(OpenAiApp.Model, await app.KeyAsync(), httpClient: http).Build();
        return kernel.GetRequiredService<IChatCompletionService>();
    }

    static OpenAIPromptExecutionSettings Greedy => new() { Temperature = 0, Seed = 7, MaxTokens = 16 };

    [Fact]
    public async Task Whole_and_streamed_answers_equal_the_direct_answer()
    {
        var direct = await app.DirectAsync([new(Ai.ChatRole.User, "Where is my parcel?")], new Ai.ChatOptions { Temperature = 0, Seed = 7, MaxOutputTokens = 16 });
        var chat = await ChatAsync();
        var history = new ChatHistory();
        history.AddUserMessage("Where is my parcel?");

        var whole = await chat.GetChatMessageContentAsync(history, Greedy);
        Assert.Equal(direct.Text, whole.Content);
        Assert.Equal(AuthorRole.Assistant, whole.Role);

        var streamed = "";
        await foreach (var piece in chat.GetStreamingChatMessageContentsAsync(history, Greedy)) streamed += piece.Content;
        Assert.Equal(direct.Text, streamed);
    }
}
