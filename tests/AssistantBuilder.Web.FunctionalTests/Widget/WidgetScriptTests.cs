using System.Net;

namespace AssistantBuilder.Web.FunctionalTests.Widget;

/// <summary>The build bundles the widget into the repository's top-level wwwroot/widget.js and the app serves it to anyone.</summary>
public sealed class WidgetScriptTests(WidgetApp app) : IClassFixture<WidgetApp>
{
    static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AssistantBuilder.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository root (with AssistantBuilder.sln) was not found above the test output");
    }

    [Fact]
    public void The_build_writes_a_minified_bundle_without_dev_leftovers()
    {
        string bundle = Path.Combine(RepoRoot(), "wwwroot", "widget.js");
        Assert.True(File.Exists(bundle), $"{bundle} is missing: the web project's build makes it with npm");
        string text = File.ReadAllText(bundle);
        Assert.Contains("/hubs/widget", text);
        Assert.Contains("SendMessage", text);
        Assert.DoesNotContain("sourceMappingURL", text);
        Assert.DoesNotContain("debugger", text);
        Assert.DoesNotContain("localhost:", text);
        Assert.True(text.Length / text.Split('\n').Length > 500, "the bundle is minified (long lines)");
        Assert.InRange(new FileInfo(bundle).Length, 20_000, 400_000);
    }

    [Fact]
    public async Task The_app_serves_widget_js_without_a_sign_in()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/widget.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/hubs/widget", await response.Content.ReadAsStringAsync());
    }
}
