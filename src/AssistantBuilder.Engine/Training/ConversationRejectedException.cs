using AssistantBuilder.Engine.Templates;

namespace AssistantBuilder.Engine.Training;

/// <summary>
/// The chat template refused the conversation (e.g. Gemma's <c>raise_exception('System role not supported')</c>)
/// or failed to render it. <see cref="Exception.Message"/> is the template's own message; the
/// <see cref="Exception.InnerException"/> is the <see cref="TemplateException"/>.
/// </summary>
public sealed class ConversationRejectedException : ExampleException
{
    public ConversationRejectedException(TemplateException inner)
        : base(inner?.Message ?? throw new ArgumentNullException(nameof(inner)), inner)
    {
        TemplateName = inner.TemplateName;
    }

    public string TemplateName { get; }
}
