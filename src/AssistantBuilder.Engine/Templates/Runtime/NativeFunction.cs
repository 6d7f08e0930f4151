namespace AssistantBuilder.Engine.Templates;

/// <summary>A callable implemented in C#: a global function or a method bound to its receiver.</summary>
internal sealed class NativeFunction(string name, Func<CallArguments, RenderContext, object?> body) : ITemplateCallable
{
    public string Name { get; } = name;

    public object? Call(CallArguments arguments, RenderContext context) => body(arguments, context);
}
