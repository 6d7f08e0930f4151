namespace AssistantBuilder.Engine.Templates;

/// <summary>
/// The template called <c>raise_exception(message)</c>. <see cref="Exception.Message"/> is exactly the
/// template's message (as HF transformers surfaces it); <see cref="TemplateException.Line"/> says where.
/// </summary>
public sealed class TemplateRaisedException : TemplateException
{
    internal TemplateRaisedException(string templateName, int line, string message)
        : base(message, templateName, line, message)
    {
    }
}
