namespace AssistantBuilder.Engine.Templates;

/// <summary>A test: <c>value is name(arguments)</c>.</summary>
internal delegate bool TestFunction(object? value, CallArguments arguments);
