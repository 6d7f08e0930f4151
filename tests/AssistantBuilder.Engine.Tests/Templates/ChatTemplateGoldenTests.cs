using System.Text.Json;
using AssistantBuilder.Engine.Chat;
using AssistantBuilder.Engine.Templates;

namespace AssistantBuilder.Engine.Tests.Templates;

/// <summary>Real models' chat templates, rendered byte for byte as jinja2 renders them for HF transformers.</summary>
public class ChatTemplateGoldenTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var golden in GoldenFiles.ChatTemplateGoldens())
        {
            foreach (var testCase in GoldenFiles.Load(golden).GetProperty("cases").EnumerateArray())
            {
                data.Add(golden, testCase.GetProperty("name").GetString()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_like_jinja2(string golden, string caseName)
    {
        var root = GoldenFiles.Load(golden);
        var testCase = root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == caseName);
        var template = ChatTemplate.FromTokenizerConfig(GoldenFiles.TemplatePath(root.GetProperty("template").GetString()!));

        string RenderCase() => Render(template, testCase);

        if (testCase.TryGetProperty("expected", out var expected))
        {
            Assert.Equal(expected.GetString(), RenderCase());
        }
        else
        {
            AssertFailsLikeJinja(testCase.GetProperty("error"), RenderCase);
        }
    }

    [Fact]
    public void Every_required_model_family_has_goldens()
    {
        var goldens = GoldenFiles.ChatTemplateGoldens().ToList();
        string[] required =
        [
            "llama3", "llama3.1", "llama2", "mistral-v0.1", "mistral-v0.3", "qwen2.5", "smollm2", "tinyllama", "gemma", "phi3",
        ];
        Assert.All(required, name => Assert.Contains($"{name}.golden.json", goldens));
    }

    internal static void AssertFailsLikeJinja(JsonElement error, Func<string> render)
    {
        var exception = Assert.ThrowsAny<TemplateException>(render);
        if (error.GetProperty("kind").GetString() == "raised")
        {
            Assert.IsType<TemplateRaisedException>(exception);
            Assert.Equal(error.GetProperty("message").GetString(), exception.Message);
        }
        else
        {
            Assert.IsType<TemplateRuntimeException>(exception);
        }
    }

    private static string Render(ChatTemplate template, JsonElement testCase)
    {
        var messages = testCase.GetProperty("messages");
        var addGenerationPrompt = testCase.GetProperty("add_generation_prompt").GetBoolean();
        var extra = GoldenFiles.Variables(testCase.GetProperty("extra"));
        if (messages.EnumerateArray().All(IsPlainMessage))
        {
            var plain = messages.EnumerateArray()
                .Select(m => new ChatMessage(m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!))
                .ToList();
            return template.Render(plain, addGenerationPrompt, extra);
        }

        var rich = messages.EnumerateArray().Select(m => (IReadOnlyDictionary<string, object?>)GoldenFiles.Variables(m)).ToList();
        return template.Render(rich, addGenerationPrompt, extra);
    }

    private static bool IsPlainMessage(JsonElement message) =>
        message.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).SequenceEqual(["content", "role"]);
}
