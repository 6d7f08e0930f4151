namespace AssistantBuilder.Engine.Templates;

/// <summary>
/// A parsed Jinja template: the subset of jinja2 that HF chat templates use, rendered with Python
/// semantics (jinja2 3.1 behaviour, in a sandbox-like environment without mutating methods).
/// </summary>
public sealed class JinjaTemplate
{
    private readonly StatementList _body;

    /// <summary>Parses <paramref name="source"/>; throws <see cref="TemplateSyntaxException"/> if it is not valid.</summary>
    public JinjaTemplate(string source, string name = "template", TemplateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        Name = name;
        var text = new SourceText(source, (options ?? TemplateOptions.ChatTemplate).KeepTrailingNewline);
        var tokens = TemplateLexer.Tokenize(text, name, options ?? TemplateOptions.ChatTemplate);
        _body = TemplateParser.Parse(tokens, name);
    }

    public string Name { get; }

    /// <summary>
    /// Renders with the given variables. Values may be strings, numbers, booleans, null, dictionaries,
    /// sequences or <see cref="System.Text.Json.JsonElement"/>s; they are converted to their Python equivalents.
    /// </summary>
    public string Render(IReadOnlyDictionary<string, object?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var globals = new Scope(parent: null);
        foreach (var (key, value) in variables)
        {
            globals.Set(key, ClrValues.ToTemplateValue(value));
        }

        var context = new RenderContext(Name, new Scope(globals));
        _body.Execute(context);
        return context.Output.ToString();
    }
}
