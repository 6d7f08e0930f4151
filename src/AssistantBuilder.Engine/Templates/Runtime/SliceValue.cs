namespace AssistantBuilder.Engine.Templates;

/// <summary>The <c>start:stop:step</c> of a subscript; each part may be absent.</summary>
internal sealed record SliceValue(long? Start, long? Stop, long? Step);
