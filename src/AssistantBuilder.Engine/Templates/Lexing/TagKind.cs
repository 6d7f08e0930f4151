namespace AssistantBuilder.Engine.Templates;

internal enum TagKind
{
    Variable,
    Block,
    Comment,
}
