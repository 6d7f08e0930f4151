using AssistantBuilder.Engine.Templates;

namespace AssistantBuilder.Engine.Tests.Templates;

/// <summary>One feature per snippet (printing, operators, loops, scoping, filters, tests, whitespace), checked against jinja2's output.</summary>
public class SnippetGoldenTests
{
    private const string Golden = "snippets.golden.json";

    public static TheoryData<int> Snippets()
    {
        var count = GoldenFiles.Load(Golden).GetProperty("snippets").GetArrayLength();
        var data = new TheoryData<int>();
        for (var i = 0; i < count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Renders_like_jinja2(int index)
    {
        var root = GoldenFiles.Load(Golden);
        var snippet = root.GetProperty("snippets")[index];
        var template = new JinjaTemplate(snippet.GetProperty("template").GetString()!, $"snippet{index}");
        var variables = GoldenFiles.Variables(root.GetProperty("variables"));

        string Render() => template.Render(variables);

        if (snippet.TryGetProperty("expected", out var expected))
        {
            Assert.Equal(expected.GetString(), Render());
        }
        else
        {
            ChatTemplateGoldenTests.AssertFailsLikeJinja(snippet.GetProperty("error"), Render);
        }
    }
}
