namespace AssistantBuilder.Engine.Templates;

/// <summary>A filter: <c>value | name(arguments)</c>.</summary>
internal delegate object? FilterFunction(object? value, CallArguments arguments, RenderContext context);
