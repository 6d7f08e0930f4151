namespace AssistantBuilder.Engine.Templates;

/// <summary>
/// A rendering error raised deep inside evaluation, where the template line is not known yet.
/// The statement that was executing turns it into a public <see cref="TemplateException"/>.
/// </summary>
internal sealed class TemplateFault : Exception
{
    public TemplateFault(string reason, bool raisedByTemplate = false)
        : base(reason)
    {
        RaisedByTemplate = raisedByTemplate;
    }

    /// <summary>True when the template itself called <c>raise_exception</c>.</summary>
    public bool RaisedByTemplate { get; }

    public TemplateException At(string templateName, int line) => RaisedByTemplate
        ? new TemplateRaisedException(templateName, line, Message)
        : new TemplateRuntimeException(templateName, line, Message);
}
