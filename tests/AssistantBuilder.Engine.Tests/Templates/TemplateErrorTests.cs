using AssistantBuilder.Engine.Chat;
using AssistantBuilder.Engine.Templates;

namespace AssistantBuilder.Engine.Tests.Templates;

public class TemplateErrorTests
{
    private static readonly Dictionary<string, object?> NoVariables = [];

    [Fact]
    public void Unknown_tag_is_a_syntax_error_at_the_tag_name()
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => new JinjaTemplate("text\n  {% frobnicate x %}", "t"));

        Assert.Equal((2, 6), (error.Line, error.Column));
        Assert.Equal("Encountered unknown tag 'frobnicate'.", error.Reason);
        Assert.Equal("Syntax error in t at line 2, column 6: Encountered unknown tag 'frobnicate'.", error.Message);
    }

    [Fact]
    public void Unknown_tag_inside_a_block_says_which_tags_would_close_it()
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => new JinjaTemplate("{% for x in y %}{% endif %}"));

        Assert.Equal(
            "Encountered unknown tag 'endif'. Jinja was looking for the following tags: 'endfor' or 'else'. "
            + "The innermost block that needs to be closed is 'for'.",
            error.Reason);
    }

    [Fact]
    public void Unclosed_block_reports_the_end_of_the_template()
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => new JinjaTemplate("{% if x %}\n{% for m in x %}\nbody\n{% endfor %}\n more"));

        Assert.Equal(5, error.Line);
        Assert.Equal(
            "Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. "
            + "The innermost block that needs to be closed is 'if'.",
            error.Reason);
    }

    [Theory]
    [InlineData("line1\n  {{ a b }}", 2, 8, "expected token 'end of print statement', got 'b'")]
    [InlineData("{{ 1 + }}", 1, 8, "unexpected 'end of print statement'")]
    [InlineData("{% for %}{% endfor %}", 1, 8, "expected token 'name', got 'end of statement block'")]
    [InlineData("{% set = 1 %}", 1, 8, "expected token 'name', got '='")]
    [InlineData("{{ 'abc }}", 1, 4, "unterminated string literal")]
    [InlineData("ok\n{% if x", 2, 8, "unexpected end of template, expected '%}'")]
    [InlineData("{# never closed", 1, 1, "missing end of comment tag '#}'")]
    [InlineData("{{ x | nope }}", 1, 8, "No filter named 'nope'.")]
    [InlineData("{{ x is nope }}", 1, 9, "No test named 'nope'.")]
    [InlineData("{{ x ? }}", 1, 6, "unexpected character '?'")]
    [InlineData("{{ f(a=1, 2) }}", 1, 11, "invalid syntax for function call expression")]
    public void Syntax_errors_name_line_column_and_what_was_expected(string source, int line, int column, string reason)
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => new JinjaTemplate(source));

        Assert.Equal((line, column, reason), (error.Line, error.Column, error.Reason));
    }

    [Fact]
    public void Raise_exception_surfaces_the_templates_message_and_line()
    {
        var template = new JinjaTemplate("{% for m in messages %}\n{% if m == 'bad' %}\n{{ raise_exception('Roles must alternate, got ' ~ m) }}\n{% endif %}\n{% endfor %}");

        var error = Assert.Throws<TemplateRaisedException>(() => template.Render(new Dictionary<string, object?> { ["messages"] = new[] { "ok", "bad" } }));

        Assert.Equal("Roles must alternate, got bad", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Gemma_rejects_a_system_message_with_its_own_words()
    {
        var gemma = ChatTemplate.FromTokenizerConfig(GoldenFiles.TemplatePath("templates/gemma.json"));

        var error = Assert.Throws<TemplateRaisedException>(() => gemma.Render([new ChatMessage("system", "Be brief."), new ChatMessage("user", "Hi")], addGenerationPrompt: true));

        Assert.Equal("System role not supported", error.Message);
    }

    [Fact]
    public void Runtime_errors_name_the_template_line()
    {
        var template = new JinjaTemplate("first\n{% if true %}\n  {{ user.name }}\n{% endif %}", "chat_template");

        var error = Assert.Throws<TemplateRuntimeException>(() => template.Render(NoVariables));

        Assert.Equal(3, error.Line);
        Assert.Equal("'user' is undefined", error.Reason);
        Assert.Equal("Error rendering chat_template at line 3: 'user' is undefined", error.Message);
    }

    [Theory]
    [InlineData("{{ d.missing.deeper }}", "'dict object' has no attribute 'missing'")]
    [InlineData("{{ 'a' + 1 }}", "can only concatenate str (not \"int\") to str")]
    [InlineData("{{ 1 // 0 }}", "integer division or modulo by zero")]
    [InlineData("{{ undefined_thing|tojson }}", "Object of type Undefined is not JSON serializable")]
    [InlineData("{% for a, b in [[1, 2, 3]] %}{% endfor %}", "too many values to unpack (expected 2)")]
    [InlineData("{{ [1].append(2) }}", "'list object' has no attribute 'append'")]
    [InlineData("{% set x = 1 %}{% set x.y = 2 %}", "cannot assign attribute on non-namespace object")]
    public void Runtime_errors_explain_themselves_like_python(string source, string reason)
    {
        var template = new JinjaTemplate(source);

        var error = Assert.Throws<TemplateRuntimeException>(() => template.Render(new Dictionary<string, object?> { ["d"] = new Dictionary<string, object?>() }));

        Assert.Equal(reason, error.Reason);
    }
}
