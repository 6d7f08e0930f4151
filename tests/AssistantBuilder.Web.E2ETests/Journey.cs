using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantBuilder.Web.E2ETests;

/// <summary>
/// One browser session through the app: the page, what earlier steps created (ids), numbered screenshots, and the
/// browser's console errors (a Content-Security-Policy violation shows up there and fails the journey).
/// </summary>
public sealed class Journey : IAsyncDisposable
{
    readonly IBrowserContext _context;
    readonly List<string> _consoleErrors = [];
    int _shot;

    Journey(LiveApp app, IBrowserContext context, IPage page)
    {
        App = app;
        _context = context;
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") lock (_consoleErrors) _consoleErrors.Add($"{message.Text} ({message.Location})"); };
        page.PageError += (_, error) => { lock (_consoleErrors) _consoleErrors.Add(error); };
    }

    public LiveApp App { get; }
    public IPage Page { get; }
    public Uri BaseAddress => App.BaseAddress;

    public Guid DatasetId { get; set; }
    public Guid SliceDatasetId { get; set; }
    public Guid JobId { get; set; }
    public string JobName { get; set; } = "";
    public Guid AssistantId { get; set; }
    /// <summary>The website on another origin that embeds the widget (started by the widget steps).</summary>
    public CustomerSite? Site { get; set; }

    /// <summary>Files the steps upload, written to a folder of their own.</summary>
    public string FilesDir { get; } = AssistantBuilder.Testing.TempDir.Create("e2e-files");

    public static async Task<Journey> StartAsync(LiveApp app, IBrowser browser)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 860 } });
        context.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        return new Journey(app, context, await context.NewPageAsync());
    }

    public IReadOnlyList<string> ConsoleErrors { get { lock (_consoleErrors) return [.. _consoleErrors]; } }

    /// <summary>Opens a page of the app and waits until its circuit is live (MainLayout marks it), so clicks are handled.</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitInteractiveAsync();
    }

    public Task WaitInteractiveAsync() => Expect(Page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");

    /// <summary>The input of a MudBlazor field by its label text.</summary>
    public ILocator Field(string label, string element = "input") =>
        Page.Locator($".mud-input-control:has(label:text-is(\"{label}\")) {element}").First;

    /// <summary>Opens a MudSelect by its label and picks the option containing <paramref name="option"/>.</summary>
    public async Task SelectAsync(string label, string option)
    {
        await Page.Locator($".mud-input-control:has(label:text-is(\"{label}\")) .mud-select-input").First.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
    }

    /// <summary>The id at the end of the current URL after <paramref name="prefix"/> (e.g. "jobs/").</summary>
    public async Task<Guid> WaitForIdInUrlAsync(string prefix)
    {
        var pattern = new Regex($"/{Regex.Escape(prefix)}([0-9a-f-]{{36}})$");
        await Page.WaitForURLAsync(pattern);
        return Guid.Parse(pattern.Match(Page.Url).Groups[1].Value);
    }

    /// <summary>
    /// Saves artifacts/e2e/NN-name.png: the whole page, taken with the window as tall as the page (a full-page capture
    /// of a scrolled page would draw the fixed app bar and drawer mid-page).
    /// </summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        string path = Path.Combine(Artifacts.E2EFolder, $"{++_shot:00}-{name}.png");
        var viewport = Page.ViewportSize!;
        int height = await Page.EvaluateAsync<int>("() => { window.scrollTo(0, 0); return document.documentElement.scrollHeight; }");
        await Page.SetViewportSizeAsync(viewport.Width, Math.Clamp(height, viewport.Height, 4000));
        await Page.ScreenshotAsync(new() { Path = path });
        await Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        return path;
    }

    /// <summary>On a failed step: the screenshot and the HTML as they were, to see what went wrong.</summary>
    public async Task SaveFailureAsync(string step)
    {
        try
        {
            await Page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.E2EFolder, $"failed-{step}.png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(Artifacts.E2EFolder, $"failed-{step}.html"),
                await Page.ContentAsync() + "\n<!-- console errors:\n" + string.Join("\n", ConsoleErrors) + "\n-->\n");
        }
        catch (PlaywrightException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        if (Site is not null) await Site.DisposeAsync();
        AssistantBuilder.Testing.TempDir.Delete(FilesDir);
    }
}
