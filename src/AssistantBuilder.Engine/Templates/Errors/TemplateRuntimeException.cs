namespace AssistantBuilder.Engine.Templates;

/// <summary>Rendering failed: an undefined value was used, a type did not fit an operation, and so on.</summary>
public sealed class TemplateRuntimeException : TemplateException
{
    internal TemplateRuntimeException(string templateName, int line, string reason)
        : base($"Error rendering {templateName} at line {line}: {reason}", templateName, line, reason)
    {
    }
}
