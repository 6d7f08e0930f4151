using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantBuilder.Web.E2ETests;

/// <summary>
/// The operator's whole journey in Chromium against the app on a loopback port, one step after another, each ending
/// with a screenshot in artifacts/e2e/. Later features append their steps to <see cref="Steps"/> (they see what the
/// earlier ones created on the <see cref="Journey"/>: the dataset, the job, the assistant).
/// </summary>
public sealed class OperatorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public const string Email = "nora@brightwave.example";
    public const string Password = "a long enough password";

    static readonly string Samples = Path.Combine(FindRepositoryRoot(), "data", "samples", "brightwave-support");

    public static IReadOnlyList<(string Name, Func<Journey, Task> Run)> Steps { get; } =
    [
        ("first-start-setup", FirstStartSetupAsync),
        ("dataset-uploaded", UploadSampleAsync),
        ("broken-file-errors", UploadBrokenFileAsync),
        ("dataset-label-mask-preview", OpenDatasetAsync),
        ("fine-tune-form", FillFineTuneFormAsync),
        ("fine-tune-running", WatchTrainingAsync),
        ("fine-tune-completed", WaitForCompletionAsync),
        ("assistant-created", CreateAssistantAsync),
        ("playground-streaming", PlaygroundSteps.AnswerStreamsAsync),
        ("playground-html-as-text", PlaygroundSteps.HtmlStaysTextAsync),
        ("playground-prompt-too-long", PlaygroundSteps.TooLongPromptIsRefusedAsync),
        ("widget-key-and-origin", WidgetSteps.KeyAndOriginAsync),
        ("widget-answer-stopped", WidgetSteps.OpenAndStopMidStreamAsync),
        ("widget-html-as-text", WidgetSteps.HtmlStaysTextAsync),
        ("widget-thumbs-down", WidgetSteps.ThumbsDownWithCommentAsync),
        ("widget-question-too-long", WidgetSteps.TooLongQuestionIsRefusedAsync),
        ("operator-reads-rated-conversation", WidgetSteps.OperatorReadsTheRatedConversationAsync),
        ("compare-blind-answers", CompareSteps.BlindAnswersAsync),
        ("compare-vote-recorded", CompareSteps.VoteIsRecordedAsync),
    ];

    [Fact]
    public async Task A_new_operator_goes_from_first_start_to_a_fine_tuned_assistant_served_rated_and_compared()
    {
        using var app = new LiveApp();
        await using var journey = await Journey.StartAsync(app, browser.Browser);
        foreach (var (name, run) in Steps)
        {
            try { await run(journey); }
            catch
            {
                await journey.SaveFailureAsync(name);
                throw;
            }
            await journey.ScreenshotAsync(name);
        }
        Assert.True(journey.ConsoleErrors.Count == 0, "browser console errors:\n" + string.Join("\n", journey.ConsoleErrors));
    }

    static async Task FirstStartSetupAsync(Journey j)
    {
        // No operator yet: the sign-in page sends a new operator to the one-time setup page.
        await j.Page.GotoAsync("/");
        await j.Page.WaitForURLAsync(new Regex("/account/setup$"));
        await j.Page.FillAsync("#email", Email);
        await j.Page.FillAsync("#password", Password);
        await j.Page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.E2EFolder, "00-setup-form.png") });
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "Create and sign in" }).ClickAsync();
        await j.Page.WaitForURLAsync(new Regex("/$"));
        await j.WaitInteractiveAsync();
        await Expect(j.Page.GetByText(Email)).ToBeVisibleAsync();
        await Expect(j.Page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
    }

    static async Task UploadSampleAsync(Journey j)
    {
        await j.GotoAsync("/datasets");
        await UploadAsync(j, Path.Combine(Samples, "train.jsonl"));
        var report = j.Page.Locator("[data-testid=upload-report]");
        await Expect(report).ToContainTextAsync(new Regex(@"Imported \d+ conversations as openai"), new() { Timeout = 60_000 });
        await Expect(j.Page.Locator(".mud-table-body tr")).ToHaveCountAsync(1);
        j.DatasetId = Guid.Parse((await report.Locator("a").GetAttributeAsync("href"))!.Split('/').Last());
    }

    static async Task UploadBrokenFileAsync(Journey j)
    {
        string broken = Path.Combine(j.FilesDir, "broken.jsonl");
        await File.WriteAllLinesAsync(broken,
        [
            """{"messages":[{"role":"user","content":"Is the outage over?"}]}""",
            """{"messages":[{"role":"user","content":"Where is my bill?" """,
            """{"messages":[{"role":"wizard","content":"abracadabra"},{"role":"assistant","content":"poof"}]}""",
        ]);
        await UploadAsync(j, broken);
        await Expect(j.Page.Locator("[data-testid=upload-error]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var rows = j.Page.Locator("[data-testid=upload-rejected] .mud-table-body tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.First).ToContainTextAsync("1");
        // Nothing was stored for it: the table still lists the sample alone.
        await Expect(j.Page.Locator("[data-testid=datasets-table] .mud-table-body tr")).ToHaveCountAsync(1);
    }

    static async Task OpenDatasetAsync(Journey j)
    {
        await j.Page.Locator("[data-testid=datasets-table]").GetByRole(AriaRole.Link, new() { Name = "train" }).ClickAsync();
        await j.Page.WaitForURLAsync(new Regex($"/datasets/{j.DatasetId}$"));
        await j.WaitInteractiveAsync();
        // The preview renders conversations with the model's chat template; highlighted text is what the loss sees.
        await Expect(j.Page.Locator("mark.segment-trained").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(j.Page.GetByText(new Regex("Template '.+' · a trained turn ends with"))).ToBeVisibleAsync();
    }

    static async Task FillFineTuneFormAsync(Journey j)
    {
        // A small slice of the sample keeps training short: 40 conversations, one epoch, batches of 4.
        string slice = Path.Combine(j.FilesDir, "brightwave-slice.jsonl");
        await File.WriteAllLinesAsync(slice, File.ReadLines(Path.Combine(Samples, "train.jsonl")).Take(40));
        await j.GotoAsync("/datasets");
        await UploadAsync(j, slice);
        var report = j.Page.Locator("[data-testid=upload-report]");
        await Expect(report).ToContainTextAsync("Imported 40 conversations", new() { Timeout = 30_000 });
        j.SliceDatasetId = Guid.Parse((await report.Locator("a").GetAttributeAsync("href"))!.Split('/').Last());

        await j.GotoAsync($"/jobs/new?datasetId={j.SliceDatasetId}");
        await Expect(j.Field("Base model")).ToHaveValueAsync(new Regex("^default"));
        await Expect(j.Field("Dataset")).ToHaveValueAsync(new Regex("^brightwave-slice"));
        j.JobName = "brightwave slice, 1 epoch";
        await j.Field("Name").FillAsync(j.JobName);
        await SetNumberAsync(j, "Epochs", "1");
        await SetNumberAsync(j, "Batch size", "4");
        await j.Page.GetByRole(AriaRole.Heading, new() { Name = "Training" }).ClickAsync(); // leaves the last field
        await Expect(j.Page.Locator(".mud-input-control:has(label:text-is('Name')) .mud-shrink").First).ToBeVisibleAsync();
    }

    static async Task WatchTrainingAsync(Journey j)
    {
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "Start fine-tune" }).ClickAsync();
        j.JobId = await j.WaitForIdInUrlAsync("jobs/");
        await j.WaitInteractiveAsync();
        // The live feed moves the step counter and draws the loss curve as the trainer reports.
        await Expect(j.Page.Locator("[data-test=steps]")).ToHaveTextAsync(new Regex(@"Step [1-9]\d* / \d+"), new() { Timeout = 90_000 });
        await Expect(j.Page.Locator("path.mud-chart-line").First).ToHaveAttributeAsync("d", new Regex(@"\d.*[LC ].*\d"), new() { Timeout = 60_000 });
    }

    static async Task WaitForCompletionAsync(Journey j)
    {
        await Expect(j.Page.Locator(".mud-chip").Filter(new() { HasText = "Completed" })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(j.Page.Locator("[data-test=percent]")).ToHaveTextAsync("100%");
        await Expect(j.Page.GetByText("The adapter is ready")).ToBeVisibleAsync();
    }

    static async Task CreateAssistantAsync(Journey j)
    {
        await j.GotoAsync("/assistants/new");
        await j.Field("Name").FillAsync("Nora");
        await j.Field("System prompt", "textarea").FillAsync("You are Nora, Brightwave's support assistant. Answer briefly and politely.");
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        j.AssistantId = await j.WaitForIdInUrlAsync("assistants/");
        await j.WaitInteractiveAsync();
        await j.SelectAsync("Completed fine-tuning job", j.JobName);
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "Add version" }).ClickAsync();
        await j.Page.Locator(".promote-v1").ClickAsync();
        await Expect(j.Page.GetByText("Version 1 is live.")).ToBeVisibleAsync();
        await Expect(j.Page.Locator(".promote-v1")).ToBeDisabledAsync();
    }

    /// <summary>Chooses a file in the dataset drop zone's file picker once the component is wired to the circuit.</summary>
    static async Task UploadAsync(Journey j, string file)
    {
        // MudFileUpload keeps a fresh input after each pick (the last one is live).
        await j.Page.WaitForFunctionAsync("() => { const i = [...document.querySelectorAll('input[type=file]')].at(-1); return i && i._blazorInputFileNextFileId !== undefined; }");
        await j.Page.Locator("input[type=file]").Last.SetInputFilesAsync(file);
    }

    static async Task SetNumberAsync(Journey j, string label, string value)
    {
        var input = j.Field(label);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(value);
    }

    static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AssistantBuilder.sln"))) return dir.FullName;
        throw new InvalidOperationException("AssistantBuilder.sln not found above " + AppContext.BaseDirectory);
    }
}
