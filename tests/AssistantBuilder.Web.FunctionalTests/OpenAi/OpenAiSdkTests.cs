using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Models;
using Ai = Microsoft.Extensions.AI;

namespace AssistantBuilder.Web.FunctionalTests.OpenAi;

/// <summary>The official OpenAI .NET SDK pointed at /v1 gets what the assistant's own chat client answers.</summary>
public sealed class OpenAiSdkTests(OpenAiApp app) : IClassFixture<OpenAiApp>
{
    const string Question = "What are your opening hours?";

    OpenAIClientOptions Options() => new() { Endpoint = app.V1, Transport = new HttpClientPipelineTransport(app.CreateClient()) };

    async Task<ChatClient> ChatAsync(string? model = null, string? key = null) =>
        new(model ?? OpenAiApp.Model, new ApiKeyCredential(key ?? await app.KeyAsync()), Options());

#pragma warning disable OPENAI001 // Seed is marked experimental in the SDK
    static ChatCompletionOptions Greedy(int maxTokens = 16, params string[] stops)
    {
        var options = new ChatCompletionOptions { Temperature = 0, Seed = 7, MaxOutputTokenCount = maxTokens };
        foreach (var s in stops) options.StopSequences.Add(s);
        return options;
    }
#pragma warning restore OPENAI001

    static Ai.ChatOptions DirectGreedy(int maxTokens = 16) => new() { Temperature = 0, Seed = 7, MaxOutputTokens = maxTokens };

    [Fact]
    public async Task A_whole_answer_equals_the_direct_answer_with_usage_and_finish_reason()
    {
        var direct = await app.DirectAsync([new(Ai.ChatRole.User, Question)], DirectGreedy());
        var completion = (await (await ChatAsync()).CompleteChatAsync([new UserChatMessage(Question)], Greedy())).Value;

        Assert.Equal(direct.Text, completion.Content[0].Text);
        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.Equal(direct.Usage!.InputTokenCount, completion.Usage.InputTokenCount);
        Assert.Equal(direct.Usage.OutputTokenCount, completion.Usage.OutputTokenCount);
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);
        Assert.True(completion.Usage.OutputTokenCount is > 0 and <= 16);
        Assert.Equal(direct.FinishReason == Ai.ChatFinishReason.Length ? ChatFinishReason.Length : ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(OpenAiApp.Model, completion.Model);
    }

    [Fact]
    public async Task A_streamed_answer_equals_the_direct_answer_piece_by_piece_with_usage()
    {
        var messages = new List<ChatMessage> { new SystemChatMessage("Answer in French."), new UserChatMessage("Bonjour"), new AssistantChatMessage("Oui ?"), new UserChatMessage(Question) };
        var direct = await app.DirectAsync(
            [new(Ai.ChatRole.System, "Answer in French."), new(Ai.ChatRole.User, "Bonjour"), new(Ai.ChatRole.Assistant, "Oui ?"), new(Ai.ChatRole.User, Question)],
            DirectGreedy(24));

        var text = "";
        int contentUpdates = 0;
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        await foreach (var update in (await ChatAsync()).CompleteChatStreamingAsync(messages, Greedy(24)))
        {
            foreach (var part in update.ContentUpdate) { text += part.Text; contentUpdates++; }
            usage = update.Usage ?? usage;
            finish = update.FinishReason ?? finish;
        }
        Assert.Equal(direct.Text, text);
        Assert.True(contentUpdates > 1, "the answer should arrive in several chunks");
        Assert.NotNull(usage);
        Assert.Equal(direct.Usage!.InputTokenCount, usage.InputTokenCount);
        Assert.Equal(direct.Usage.OutputTokenCount, usage.OutputTokenCount);
        Assert.NotNull(finish);
    }

    [Fact]
    public async Task Stop_strings_end_the_answer_before_them_and_max_tokens_reports_length()
    {
        var direct = await app.DirectAsync([new(Ai.ChatRole.User, Question)], DirectGreedy(24));
        Assert.True(direct.Text.Length >= 8, $"the tiny model's greedy answer is too short to cut: '{direct.Text}'");
        string stop = direct.Text.Substring(direct.Text.Length / 2, 2);
        string expected = direct.Text[..direct.Text.IndexOf(stop, StringComparison.Ordinal)];

        var cut = (await (await ChatAsync()).CompleteChatAsync([new UserChatMessage(Question)], Greedy(24, stop, "never-seen-stop"))).Value;
        Assert.Equal(expected, cut.Content.Count == 0 ? "" : cut.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, cut.FinishReason);

        var shortAnswer = (await (await ChatAsync()).CompleteChatAsync([new UserChatMessage(Question)], Greedy(3))).Value;
        Assert.Equal(3, shortAnswer.Usage.OutputTokenCount);
        Assert.Equal(ChatFinishReason.Length, shortAnswer.FinishReason);
        Assert.StartsWith(shortAnswer.Content[0].Text, direct.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_assistant_id_works_as_the_model_and_models_lists_the_assistants()
    {
        var byId = (await (await ChatAsync((await app.AssistantIdAsync()).ToString())).CompleteChatAsync([new UserChatMessage(Question)], Greedy(4))).Value;
        Assert.True(byId.Usage.OutputTokenCount > 0);

        var models = new OpenAIModelClient(new ApiKeyCredential(await app.KeyAsync()), Options());
        var list = (await models.GetModelsAsync()).Value;
        var model = Assert.Single(list, m => m.Id == OpenAiApp.Model);
        Assert.Equal("assistantbuilder", model.OwnedBy);
    }

    [Fact]
    public async Task Bad_keys_and_unknown_models_raise_the_sdk_errors()
    {
        var wrongKey = await ChatAsync(key: "ab-not-a-real-key");
        var badKey = await Assert.ThrowsAsync<ClientResultException>(() => wrongKey.CompleteChatAsync([new UserChatMessage("hi")]));
        Assert.Equal(401, badKey.Status);
        Assert.Contains("Incorrect API key", badKey.Message);

        var noModel = await ChatAsync(model: "no-such-assistant");
        var unknown = await Assert.ThrowsAsync<ClientResultException>(() => noModel.CompleteChatAsync([new UserChatMessage("hi")]));
        Assert.Equal(404, unknown.Status);
        Assert.Contains("no-such-assistant", unknown.Message);
    }
}
