namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// HF's Strip decoder: from each token, removes up to <c>start</c> leading and <c>stop</c> trailing copies of
/// <c>content</c> (Llama 2: one leading space after Fuse).
/// </summary>
internal sealed class StripDecoder(char content, int start, int stop) : IDecoder
{
    public List<string> DecodeChain(List<string> tokens) => tokens.Select(Strip).ToList();

    private string Strip(string token)
    {
        int from = 0;
        while (from < start && from < token.Length && token[from] == content)
            from++;
        int to = token.Length;
        while (token.Length - to < stop && to > from && token[to - 1] == content)
            to--;
        return token[from..to];
    }
}
