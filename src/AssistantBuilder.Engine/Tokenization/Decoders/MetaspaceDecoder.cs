namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// HF's Metaspace decoder: the replacement character becomes ' ', except in the first token, where (unless the
/// prepend scheme is never) it is dropped, undoing the prefix the pre-tokenizer added.
/// </summary>
internal sealed class MetaspaceDecoder(char replacement, PrependScheme scheme) : IDecoder
{
    public List<string> DecodeChain(List<string> tokens)
    {
        var result = new List<string>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            bool drop = i == 0 && scheme != PrependScheme.Never;
            result.Add(drop ? tokens[i].Replace(replacement.ToString(), "", StringComparison.Ordinal)
                            : tokens[i].Replace(replacement, ' '));
        }
        return result;
    }
}
