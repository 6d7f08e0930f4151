namespace AssistantBuilder.Engine.Templates;

/// <summary>Where a <c>{{</c>, <c>{%</c> or <c>{#</c> starts, and its <c>-</c>/<c>+</c> whitespace modifier.</summary>
internal sealed record TagOpening(int Start, TagKind Kind, char Modifier)
{
    public int ContentStart => Start + (Modifier == '\0' ? 2 : 3);

    public bool StripsBefore => Modifier == '-';

    public static TagOpening? Find(SourceText source, int from)
    {
        for (var i = from; i + 1 < source.Length; i++)
        {
            if (source[i] != '{' || KindOf(source[i + 1]) is not { } kind)
            {
                continue;
            }

            var modifier = i + 2 < source.Length && source[i + 2] is '-' or '+' ? source[i + 2] : '\0';
            return new TagOpening(i, kind, modifier);
        }

        return null;
    }

    private static TagKind? KindOf(char c) => c switch
    {
        '{' => TagKind.Variable,
        '%' => TagKind.Block,
        '#' => TagKind.Comment,
        _ => null,
    };
}
