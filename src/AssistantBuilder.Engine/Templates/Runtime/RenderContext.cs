using System.Text;

namespace AssistantBuilder.Engine.Templates;

/// <summary>The state of one render: the current scope, where output goes, and the template's name.</summary>
internal sealed class RenderContext
{
    public RenderContext(string templateName, Scope root)
    {
        TemplateName = templateName;
        Scope = root;
    }

    public string TemplateName { get; }

    public Scope Scope { get; private set; }

    public StringBuilder Output { get; private set; } = new();

    public object? Resolve(string name)
    {
        if (Scope.TryResolve(name, out var value))
        {
            return value;
        }

        return Builtins.Globals.TryGetValue(name, out var global) ? global : new Undefined(name);
    }

    /// <summary>Runs with a fresh scope whose parent is <paramref name="parent"/> (the current scope by default).</summary>
    public T InScope<T>(Func<T> body, Scope? parent = null)
    {
        var saved = Scope;
        Scope = new Scope(parent ?? saved);
        try
        {
            return body();
        }
        finally
        {
            Scope = saved;
        }
    }

    /// <summary>Runs <paramref name="body"/> writing into a fresh buffer, and returns what it wrote.</summary>
    public string Capture(Action body)
    {
        var saved = Output;
        Output = new StringBuilder();
        try
        {
            body();
            return Output.ToString();
        }
        finally
        {
            Output = saved;
        }
    }
}
