using System.Globalization;
using System.Text.Json;
using AssistantBuilder.Engine.Templates;

namespace AssistantBuilder.Engine.Tests.Templates;

public class JinjaTemplateTests
{
    [Fact]
    public void Strftime_now_formats_the_current_local_time_like_python()
    {
        var template = new JinjaTemplate("{{ strftime_now('%d %b %Y') }}|{{ strftime_now('%Y-%m-%d %A %B %%') }}");
        var before = DateTime.Now;

        var text = template.Render(new Dictionary<string, object?>());

        var after = DateTime.Now;
        Assert.Contains(text, new[] { before, after }.Select(ExpectedDates));
    }

    [Fact]
    public void Whitespace_options_follow_the_environment_settings()
    {
        const string source = "{% if true %}\n  x\n  {% endif %}\nend\n";

        Assert.Equal("  x\nend", Render(source, TemplateOptions.ChatTemplate));
        Assert.Equal("\n  x\n  \nend", Render(source, TemplateOptions.JinjaDefaults));
        Assert.Equal("  x\nend\n", Render(source, TemplateOptions.ChatTemplate with { KeepTrailingNewline = true }));
    }

    [Fact]
    public void Dotnet_values_become_python_values()
    {
        var template = new JinjaTemplate("{{ i }}|{{ l }}|{{ f }}|{{ m }}|{{ b }}|{{ n }}|{{ seq }}|{{ map }}|{{ json }}");
        using var json = JsonDocument.Parse("""{"int": 1, "float": 1.0, "exp": 1e3, "list": [true, null, "s"]}""");
        var variables = new Dictionary<string, object?>
        {
            ["i"] = 3, ["l"] = 4L, ["f"] = 2.5f, ["m"] = 1.5m, ["b"] = false, ["n"] = null,
            ["seq"] = new[] { "a", "b" },
            ["map"] = new Dictionary<string, object?> { ["k"] = new List<int> { 1 } },
            ["json"] = json.RootElement,
        };

        Assert.Equal(
            "3|4|2.5|1.5|False|None|['a', 'b']|{'k': [1]}|{'int': 1, 'float': 1.0, 'exp': 1000.0, 'list': [True, None, 's']}",
            template.Render(variables));
    }

    [Fact]
    public void Unsupported_dotnet_values_are_rejected()
    {
        var template = new JinjaTemplate("{{ x }}");

        Assert.Throws<ArgumentException>(() => template.Render(new Dictionary<string, object?> { ["x"] = DateTime.UnixEpoch }));
    }

    [Fact]
    public void Variables_passed_in_shadow_globals()
    {
        var template = new JinjaTemplate("{{ range }}");

        Assert.Equal("mine", template.Render(new Dictionary<string, object?> { ["range"] = "mine" }));
    }

    [Fact]
    public void A_parsed_template_renders_repeatedly_without_leaking_state()
    {
        var template = new JinjaTemplate("{% set ns = namespace(n=0) %}{% for x in xs %}{% set ns.n = ns.n + x %}{% endfor %}{{ ns.n }}");

        Assert.Equal("6", template.Render(new Dictionary<string, object?> { ["xs"] = new[] { 1, 2, 3 } }));
        Assert.Equal("6", template.Render(new Dictionary<string, object?> { ["xs"] = new[] { 1, 2, 3 } }));
    }

    private static string ExpectedDates(DateTime time) =>
        time.ToString("dd MMM yyyy", CultureInfo.InvariantCulture) + "|" + time.ToString("yyyy-MM-dd dddd MMMM", CultureInfo.InvariantCulture) + " %";

    private static string Render(string source, TemplateOptions options) =>
        new JinjaTemplate(source, "t", options).Render(new Dictionary<string, object?>());
}
