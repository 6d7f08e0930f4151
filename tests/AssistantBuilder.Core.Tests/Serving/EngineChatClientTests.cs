using AssistantBuilder.Core.Serving;
using AssistantBuilder.Engine;
using AssistantBuilder.Testing;
using Microsoft.Extensions.AI;
using EngineMessage = AssistantBuilder.Engine.Chat.ChatMessage;

namespace AssistantBuilder.Core.Tests.Serving;

/// <summary>The Microsoft.Extensions.AI client over the serving engine streams exactly what the engine generates.</summary>
public sealed class EngineChatClientTests : IDisposable
{
    readonly TinyModel _tiny = TinyModel.Create(scale: 0.5f);
    readonly ModelHost _host = new();

    public void Dispose()
    {
        _host.Dispose();
        _tiny.Dispose();
    }

    EngineChatClient Client(string? system = null, ChatOptions? defaults = null) =>
        new(_host.Get(_tiny.Directory), new EngineChatProfile("tiny", SystemPrompt: system, Defaults: defaults));

    static readonly ChatOptions Greedy = new() { Temperature = 0, MaxOutputTokens = 20 };

    [Fact]
    public async Task Streams_the_same_text_as_the_engine_with_usage_and_finish_reason()
    {
        using var reference = ChatModel.Load(_tiny.Directory);
        var prompt = reference.EncodeChat(reference.RenderChat([new EngineMessage("system", "Be brief."), new EngineMessage("user", "hello there")]));
        var expected = "";
        await foreach (var chunk in reference.GenerateAsync(prompt, reference.DefaultOptions() with { Temperature = 0, MaxNewTokens = 20 }))
            expected += chunk.Text;

        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in Client(system: "Be brief.").GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hello there")], Greedy))
            updates.Add(u);

        Assert.Equal(expected, string.Concat(updates.Select(u => u.Text)));
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal(prompt.Count, usage.InputTokenCount);
        Assert.True(usage.OutputTokenCount is > 0 and <= 20);
        Assert.NotNull(updates[^1].FinishReason);
        Assert.All(updates, u => Assert.Equal("tiny", u.ModelId));
    }

    [Fact]
    public void FitToContext_drops_the_oldest_turns_until_the_prompt_leaves_room_for_the_answer()
    {
        var client = Client(system: "Be brief.");
        var messages = new List<ChatMessage>();
        for (int i = 0; i < 20; i++)
        {
            messages.Add(new ChatMessage(ChatRole.User, $"question {i}"));
            messages.Add(new ChatMessage(ChatRole.Assistant, $"answer {i}"));
        }
        messages.Add(new ChatMessage(ChatRole.User, "the newest question"));
        var options = new ChatOptions { MaxOutputTokens = 16 };
        Assert.True(client.CountPromptTokens(messages) > client.MaxSequenceLength, "the test conversation must overflow the tiny model's context");

        var fitted = client.FitToContext(messages, options);

        Assert.True(client.CountPromptTokens(fitted) <= client.MaxSequenceLength - 1 - 16);
        Assert.True(fitted.Count >= 3, "as many recent turns as fit are kept");
        Assert.Equal("the newest question", fitted[^1].Text);
        Assert.Equal(ChatRole.User, fitted[0].Role);
        Assert.Equal(messages.Skip(messages.Count - fitted.Count).Select(m => m.Text), fitted.Select(m => m.Text)); // a suffix: the newest turns
        var shortOne = messages.TakeLast(3).ToList();
        Assert.Equal(shortOne, client.FitToContext(shortOne, options)); // what fits is left alone
        client.EncodePrompt(fitted); // and is accepted
    }

    [Fact]
    public async Task Non_streaming_response_joins_the_stream()
    {
        var messages = new[] { new ChatMessage(ChatRole.User, "abc") };
        var streamed = "";
        await foreach (var u in Client().GetStreamingResponseAsync(messages, Greedy)) streamed += u.Text;
        var response = await Client().GetResponseAsync(messages, Greedy);
        Assert.Equal(streamed, response.Text);
        Assert.True(response.Usage?.OutputTokenCount > 0);
    }

    [Fact]
    public void The_profile_system_prompt_goes_first_unless_the_conversation_has_one()
    {
        var chat = _host.Get(_tiny.Directory).Chat;
        var withProfile = Client(system: "SYS").EncodePrompt([new ChatMessage(ChatRole.User, "hi")]);
        Assert.Equal(chat.EncodeChat(chat.RenderChat([new EngineMessage("system", "SYS"), new EngineMessage("user", "hi")])), withProfile);
        var own = Client(system: "SYS").EncodePrompt([new ChatMessage(ChatRole.System, "MINE"), new ChatMessage(ChatRole.User, "hi")]);
        Assert.Equal(chat.EncodeChat(chat.RenderChat([new EngineMessage("system", "MINE"), new EngineMessage("user", "hi")])), own);
    }

    [Fact]
    public async Task Bad_requests_say_what_is_wrong()
    {
        var tooLong = new ChatMessage(ChatRole.User, new string('x', 50_000));
        var ex = await Assert.ThrowsAsync<ChatRequestException>(() => Client().GetResponseAsync([tooLong]));
        Assert.Contains("tokens long", ex.Message);
        ex = await Assert.ThrowsAsync<ChatRequestException>(() => Client().GetResponseAsync([new ChatMessage(ChatRole.Tool, "x")]));
        Assert.Contains("role 'tool'", ex.Message);
        ex = await Assert.ThrowsAsync<ChatRequestException>(() => Client().GetResponseAsync([new ChatMessage(ChatRole.User, "x")], new ChatOptions { TopP = 0 }));
        Assert.Contains("top-p", ex.Message);
    }

    [Fact]
    public void One_base_model_is_loaded_once_for_every_client()
    {
        Assert.Same(_host.Get(_tiny.Directory), _host.Get(_tiny.Directory + "/"));
        Assert.Single(_host.Loaded);
    }
}
