using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantBuilder.Web.E2ETests;

/// <summary>The journey on /compare: the fine-tuned and the prompted answers side by side, blind, then a vote that is stored.</summary>
public static class CompareSteps
{
    public static async Task BlindAnswersAsync(Journey j)
    {
        await j.GotoAsync("/compare");
        await j.SelectAsync("Few-shot examples from", "brightwave-slice");
        await j.Field("Question", "textarea").FillAsync("My broadband keeps dropping in the evening. What can I do?");
        await j.Field("Question", "textarea").PressAsync("Tab"); // the field commits on leaving it
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "Ask all" }).ClickAsync();
        await Expect(j.Page.Locator(".compare-column")).ToHaveCountAsync(2);
        // Blind: labelled A and B only, until the vote.
        await Expect(j.Page.Locator(".column-title")).ToHaveTextAsync(["Answer A", "Answer B"]);
        await Expect(j.Page.Locator(".vote-button")).ToHaveCountAsync(4, new() { Timeout = 120_000 });
        await Expect(j.Page.Locator(".revealed-name")).ToHaveCountAsync(0);
        foreach (var answer in await j.Page.Locator(".answer-text").AllTextContentsAsync()) Assert.NotEmpty(answer.Trim());
    }

    public static async Task VoteIsRecordedAsync(Journey j)
    {
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "A", Exact = true }).ClickAsync();
        var recorded = j.Page.Locator(".vote-recorded");
        await Expect(recorded).ToContainTextAsync("Vote recorded: A (");
        await Expect(j.Page.Locator(".revealed-name")).ToHaveCountAsync(2);
        await Expect(j.Page.GetByText("Blind votes on this version: 1")).ToBeVisibleAsync();

        await using var db = j.App.CreateDb();
        var vote = await db.CompareVotes.SingleAsync();
        Assert.Equal((j.AssistantId, "A"), (vote.AssistantId, vote.Choice));
        Assert.Contains(vote.Winner, new[] { "FineTuned", "Prompted" });
        // The stored winner is the contestant that was shown as A.
        string shownAsA = (await j.Page.Locator(".compare-column[data-label=A] .revealed-name").TextContentAsync())!;
        Assert.Equal(vote.Winner == "FineTuned", shownAsA.Contains("(fine-tuned)"));
        Assert.NotNull(vote.VersionId);
    }
}
