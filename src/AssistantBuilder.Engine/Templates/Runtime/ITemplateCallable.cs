namespace AssistantBuilder.Engine.Templates;

/// <summary>Anything a template can call: globals, bound methods, macros.</summary>
internal interface ITemplateCallable
{
    object? Call(CallArguments arguments, RenderContext context);
}
