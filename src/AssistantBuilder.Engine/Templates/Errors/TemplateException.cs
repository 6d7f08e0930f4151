namespace AssistantBuilder.Engine.Templates;

/// <summary>Base class of every error the template engine reports.</summary>
public abstract class TemplateException : Exception
{
    private protected TemplateException(string message, string templateName, int line, string reason)
        : base(message)
    {
        TemplateName = templateName;
        Line = line;
        Reason = reason;
    }

    /// <summary>The name the template was created with (for example <c>chat_template</c>).</summary>
    public string TemplateName { get; }

    /// <summary>1-based line of the template where the error happened.</summary>
    public int Line { get; }

    /// <summary>The error itself, without the location.</summary>
    public string Reason { get; }
}
