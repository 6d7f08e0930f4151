namespace AssistantBuilder.Engine.Templates;

/// <summary>The template source is not valid Jinja: raised when the template is parsed.</summary>
public sealed class TemplateSyntaxException : TemplateException
{
    internal TemplateSyntaxException(string templateName, int line, int column, string reason)
        : base($"Syntax error in {templateName} at line {line}, column {column}: {reason}", templateName, line, reason)
    {
        Column = column;
    }

    /// <summary>1-based column of the token where parsing failed.</summary>
    public int Column { get; }
}
