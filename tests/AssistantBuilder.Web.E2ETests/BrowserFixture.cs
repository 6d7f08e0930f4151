using Microsoft.Playwright;

namespace AssistantBuilder.Web.E2ETests;

/// <summary>
/// Playwright driving the system's Chromium (Debian's /usr/bin/chromium; <c>AB_CHROMIUM</c> overrides the path).
/// No browser is ever downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("AB_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: `apt-get install -y chromium` (.ci/run does it) or set AB_CHROMIUM.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
