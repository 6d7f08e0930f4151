namespace AssistantBuilder.Engine.Templates;

/// <summary><c>callee(arguments)</c>: a global, a macro or a bound method.</summary>
internal sealed class CallExpression(int line, Expression callee, ArgumentList arguments) : Expression(line)
{
    public override object? Evaluate(RenderContext context) => Invoke(context);

    /// <summary>Calls with the given extra keyword arguments (the <c>caller</c> of a call block).</summary>
    public object? Invoke(RenderContext context, params (string Name, object? Value)[] extra) => callee.Evaluate(context) switch
    {
        ITemplateCallable callable => callable.Call(arguments.Evaluate(context, extra), context),
        Undefined undefined => throw undefined.Fail(),
        var other => throw new TemplateFault($"'{PyType.Name(other)}' object is not callable"),
    };
}
