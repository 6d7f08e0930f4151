namespace AssistantBuilder.Engine.Templates;

/// <summary>How a statement ended: normally, or by <c>{% break %}</c> / <c>{% continue %}</c>.</summary>
internal enum Flow
{
    Normal,
    Break,
    Continue,
}
