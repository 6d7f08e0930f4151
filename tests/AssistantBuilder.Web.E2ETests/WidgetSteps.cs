using System.Text.RegularExpressions;
using AssistantBuilder.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantBuilder.Web.E2ETests;

/// <summary>
/// The journey's widget part: the operator allows a website's origin and creates a widget key on the assistant's page,
/// pastes the script tag into a plain page served from another origin, chats there, stops an answer, rates it down
/// with a comment, and reads the conversation and the rating back in the app.
/// </summary>
public static class WidgetSteps
{
    const string HtmlQuestion = "<img src=x onerror=\"window.__abPwned = 1\"><script>window.__abPwned = 2</script> Is my <b>router</b> broken?";
    const string Comment = "It stopped before telling me what to do.";

    /// <summary>The widget's own elements (in its shadow root, which Playwright's CSS selectors pierce).</summary>
    static ILocator Answers(Journey j) => j.Page.Locator(".msg.assistant");
    static ILocator Input(Journey j) => j.Page.Locator("#ab-input");
    static ILocator Status(Journey j) => j.Page.Locator(".status");

    public static async Task KeyAndOriginAsync(Journey j)
    {
        j.Site = await CustomerSite.StartAsync();
        Assert.NotEqual(new Uri(j.Site.Origin).Port, j.BaseAddress.Port);
        await j.GotoAsync($"/assistants/{j.AssistantId}");
        await Expect(j.Page.GetByText("No allowed origins yet")).ToBeVisibleAsync();
        // Sampling hot (temperature 2, top-p 1) keeps the tiny model from ending its answers early: they run to the
        // token limit, long enough for the visitor to stop one.
        await SlideToMaxAsync(j, "Temperature", "2.00");
        await SlideToMaxAsync(j, "Top-p", "1.00");
        // ...and 100 tokens at most, so that two questions and answers fit the model's 256-token context.
        await j.Field("Max tokens").FillAsync("100");
        await j.Field("Title").FillAsync("Brightwave help");
        await j.Field("Welcome message", "textarea").FillAsync("Hi, I'm Nora from Brightwave. Ask me about broadband, TV or your bill.");
        await j.Page.Locator(".origin-input input").FillAsync(j.Site.Origin);
        await j.Page.Locator(".add-origin").ClickAsync();
        await Expect(j.Page.Locator(".mud-chip").Filter(new() { HasText = j.Site.Origin })).ToBeVisibleAsync();
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(j.Page.GetByText("Saved 'Nora'.")).ToBeVisibleAsync();
        await Expect(j.Page.GetByText("No allowed origins yet")).ToHaveCountAsync(0);

        await j.Field("New key's label (optional)").FillAsync("help centre");
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "New widget key" }).ClickAsync();
        await Expect(j.Page.Locator(".mud-table-body tr").Filter(new() { HasText = "help centre" })).ToContainTextAsync("live");
        string snippet = await j.Field("Paste into the website's HTML", "textarea").InputValueAsync();
        Assert.Matches($"^<script src=\"{Regex.Escape(j.BaseAddress.ToString())}widget.js\" data-assistant=\"{j.AssistantId}\" data-key=\"wk_[A-Za-z0-9_-]+\" async></script>$", snippet);
        j.Site.Embed = snippet; // pasted into the website's page
    }

    public static async Task OpenAndStopMidStreamAsync(Journey j)
    {
        await j.Page.GotoAsync(j.Site!.Origin + "/");
        await Expect(j.Page.GetByRole(AriaRole.Heading, new() { Name = "Brightwave help centre" })).ToBeVisibleAsync();
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await Expect(j.Page.Locator("#ab-title")).ToHaveTextAsync("Brightwave help");
        await Expect(Answers(j).First).ToContainTextAsync("I'm Nora from Brightwave");

        await Input(j).FillAsync("Tell me about your broadband plans.");
        await Input(j).PressAsync("Enter");
        // As soon as the first words are on screen (checked every frame), the visitor presses Stop.
        await j.Page.WaitForFunctionAsync("""
            () => {
              const root = document.querySelector('[data-assistantbuilder-widget]').shadowRoot;
              const answer = root.querySelectorAll('.msg.assistant')[1];
              return answer && answer.getAttribute('aria-busy') === 'true' && answer.textContent.trim().length > 0;
            }
            """, null, new() { Timeout = 60_000 });
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "Stop the answer" }).ClickAsync(new() { Timeout = 2_000 });
        await Expect(Status(j)).ToHaveTextAsync("Answer stopped.");
        await Expect(Answers(j).Nth(1)).ToContainTextAsync("(answer stopped)");
        await Expect(j.Page.GetByRole(AriaRole.Button, new() { Name = "Send message" })).ToBeVisibleAsync();

        // The server stored what it had written, marked truncated (it ends the answer when the stop arrives).
        var stored = await Eventually.ValueAsync(async () =>
        {
            await using var db = j.App.CreateDb();
            return await db.ConversationMessages.Where(m => m.Index == 1 && m.Role == "assistant" && db.Conversations.Any(c => c.Id == m.ConversationId && c.Channel == "widget"))
                .SingleOrDefaultAsync();
        }, "the stored value");
        Assert.True(stored.Truncated);
        Assert.NotEmpty(stored.Content);
    }

    public static async Task HtmlStaysTextAsync(Journey j)
    {
        await Input(j).FillAsync(HtmlQuestion);
        await Input(j).PressAsync("Enter");
        // The visitor's HTML is shown as text: nothing of it became an element, nothing ran.
        await Expect(j.Page.Locator(".msg.user").Last).ToHaveTextAsync(HtmlQuestion);
        await Expect(j.Page.Locator(".msg.user img, .msg.user script, .msg.user b")).ToHaveCountAsync(0);
        await Expect(Status(j)).ToHaveTextAsync("Answer complete.", new() { Timeout = 60_000 });
        await Expect(Answers(j)).ToHaveCountAsync(3);
        Assert.NotEmpty((await Answers(j).Nth(2).Locator("div").First.TextContentAsync())!.Trim());
        Assert.True(await j.Page.EvaluateAsync<bool>("() => window.__abPwned === undefined"), "the visitor's script or event handler ran");
    }

    public static async Task ThumbsDownWithCommentAsync(Journey j)
    {
        var stopped = Answers(j).Nth(1);
        var bad = stopped.GetByRole(AriaRole.Button, new() { Name = "Bad answer" });
        await bad.ClickAsync();
        await Expect(bad).ToHaveAttributeAsync("aria-pressed", "true");
        var comment = stopped.GetByRole(AriaRole.Textbox, new() { Name = "Comment on this answer" });
        await comment.FillAsync(Comment);
        await comment.PressAsync("Enter");
        await Expect(stopped.GetByText("Comment sent, thank you.")).ToBeVisibleAsync();
    }

    public static async Task TooLongQuestionIsRefusedAsync(Journey j)
    {
        string tooLong = "Why is my bill so high? " + string.Join(' ', Enumerable.Repeat("router", 250));
        await Input(j).FillAsync(tooLong);
        await Input(j).PressAsync("Enter");
        await Expect(j.Page.Locator(".error")).ToContainTextAsync(new Regex(@"The assistant cannot answer: the conversation is \d+ tokens long; Nora takes at most \d+ tokens of prompt"));
        // Nothing half-stored or half-shown: the question left the log and is back in the box to shorten.
        await Expect(j.Page.Locator(".msg.user")).ToHaveCountAsync(2); // the two questions before it
        await Expect(Input(j)).ToHaveValueAsync(tooLong);
        await using var db = j.App.CreateDb();
        Assert.False(await db.ConversationMessages.AnyAsync(m => m.Content.StartsWith("Why is my bill so high? router")), "the refused question was stored");
    }

    public static async Task OperatorReadsTheRatedConversationAsync(Journey j)
    {
        await j.GotoAsync($"/assistants/{j.AssistantId}/conversations");
        var row = j.Page.Locator(".mud-table-body tr").Filter(new() { HasText = j.Site!.Origin });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("widget");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await j.Page.WaitForURLAsync(new Regex("/conversations/[0-9a-f-]{36}$"));
        await j.WaitInteractiveAsync();
        await Expect(j.Page.GetByText($"widget · {j.Site.Origin}")).ToBeVisibleAsync();
        await Expect(j.Page.GetByText(HtmlQuestion, new() { Exact = true })).ToBeVisibleAsync(); // text here too
        // The stopped answer carries the visitor's thumbs-down and comment.
        var rated = j.Page.Locator(".mud-paper").Filter(new() { HasText = "rated down" });
        await Expect(rated).ToHaveCountAsync(1);
        await Expect(rated).ToContainTextAsync($"“{Comment}”");
        await Expect(rated).ToContainTextAsync("stopped / cut off");

        await using var db = j.App.CreateDb();
        var stored = await db.ConversationMessages.SingleAsync(m => m.Rating != null);
        Assert.Equal((1, -1, Comment, true), (stored.Index, stored.Rating!.Value, stored.Comment, stored.Truncated));
    }

    /// <summary>Moves a generation slider to its maximum with the keyboard, as its label's bold value then shows.</summary>
    static async Task SlideToMaxAsync(Journey j, string label, string shown)
    {
        var block = j.Page.Locator(".mud-grid-item").Filter(new() { Has = j.Page.GetByText($"{label}:") }).Last;
        await block.Locator("input[type=range]").FocusAsync();
        await block.Locator("input[type=range]").PressAsync("End");
        await Expect(block.Locator("b").First).ToHaveTextAsync(shown);
    }
}
