using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantBuilder.Web.E2ETests;

/// <summary>The journey in the playground: an answer streams in, HTML in a message stays text, an over-long prompt is refused.</summary>
public static class PlaygroundSteps
{
    /// <summary>Records the length of the answer being written (the one with the ▍ cursor) on every change to the page.</summary>
    const string WatchAnswer = """
        () => {
          window.__abLengths = [];
          new MutationObserver(() => {
            const all = document.querySelectorAll('.message-text');
            const last = all[all.length - 1];
            if (last && last.textContent.endsWith('▍')) window.__abLengths.push(last.textContent.length);
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    public static async Task AnswerStreamsAsync(Journey j)
    {
        await j.GotoAsync($"/assistants/{j.AssistantId}/playground");
        await SetNumberAsync(j, "Max tokens", "160");
        await j.Page.EvaluateAsync(WatchAnswer);
        await SendAsync(j, "My broadband keeps dropping in the evening. What can I do?");
        var stats = j.Page.Locator(".answer-stats");
        await Expect(stats).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Expect(stats).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ tokens · first token \d+ ms · [\d.]+ tokens/s"));

        // The answer grew on screen while it was being written: several lengths, each longer than the one before.
        int[] lengths = [.. (await j.Page.EvaluateAsync<int[]>("() => window.__abLengths")).Distinct()];
        Assert.True(lengths.Length >= 2, $"the answer appeared at once, not token by token (lengths seen while writing: {string.Join(",", lengths)})");
        Assert.Equal(lengths.Order(), lengths);
        string answer = (await j.Page.Locator(".message-text").Last.TextContentAsync())!;
        Assert.True(answer.Length >= lengths[^1] - 1, $"the final answer ({answer.Length} characters) is shorter than what was shown while writing");
    }

    public static async Task HtmlStaysTextAsync(Journey j)
    {
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "New chat" }).ClickAsync();
        const string message = "<script>window.__abPwned = 1</script><b>Is my router</b> <img src=x onerror=\"window.__abPwned = 2\"> broken?";
        await SendAsync(j, message);
        await Expect(j.Page.Locator(".answer-stats")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Expect(j.Page.Locator(".message-text").First).ToHaveTextAsync(message);
        await Expect(j.Page.Locator(".message-text script, .message-text b, .message-text img")).ToHaveCountAsync(0);
        Assert.True(await j.Page.EvaluateAsync<bool>("() => window.__abPwned === undefined"), "the message's script or event handler ran");
    }

    public static async Task TooLongPromptIsRefusedAsync(Journey j)
    {
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "New chat" }).ClickAsync();
        string tooLong = "Why is my bill so high? " + string.Join(' ', Enumerable.Repeat("router", 300));
        await SendAsync(j, tooLong);
        var error = j.Page.Locator(".mud-alert").Filter(new() { HasText = "tokens long" });
        await Expect(error).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"the conversation is \d+ tokens long; .+ takes at most \d+ tokens of prompt"));
        // Nothing half-stored: the refused message is in no stored conversation, and the chat goes on without it.
        await using (var db = j.App.CreateDb())
            Assert.False(await db.ConversationMessages.AnyAsync(m => m.Content.StartsWith("Why is my bill so high?")), "the refused message was stored");
        await Expect(j.Page.Locator(".message-text")).ToHaveCountAsync(0);
        await Expect(j.Field("Message", "textarea")).ToHaveValueAsync(tooLong); // given back to shorten
        await j.Field("Message", "textarea").FillAsync("Why is my bill so high?");
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(j.Page.Locator(".answer-stats")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Expect(error).ToHaveCountAsync(0);
    }

    static async Task SendAsync(Journey j, string text)
    {
        await j.Field("Message", "textarea").FillAsync(text);
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
    }

    static async Task SetNumberAsync(Journey j, string label, string value)
    {
        var input = j.Field(label);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(value);
    }
}
