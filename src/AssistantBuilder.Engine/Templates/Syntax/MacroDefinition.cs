namespace AssistantBuilder.Engine.Templates;

/// <summary>The parsed form of a macro (or of a call block's caller).</summary>
internal sealed record MacroDefinition(string Name, IReadOnlyList<MacroParameter> Parameters, StatementList Body);
