namespace AssistantBuilder.Engine.Templates;

/// <summary>A macro parameter and its default value expression, if any.</summary>
internal sealed record MacroParameter(string Name, Expression? Default);
