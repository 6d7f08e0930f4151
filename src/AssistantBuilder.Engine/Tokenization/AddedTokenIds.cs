namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// Gives added tokens the ids HF gives them when it loads tokenizer.json (<c>AddedVocabulary::add_tokens</c>,
/// tokens in file order): the <c>id</c> written in the file is not used as such. A token whose content is already
/// added or in the model vocabulary takes that id; any other token is appended after the vocabulary (the model's
/// vocab size, or one past the largest added id once that is beyond it). In well-formed files the two agree.
/// Tokens with empty content are ignored, as HF does.
/// </summary>
internal static class AddedTokenIds
{
    public static List<AddedToken> Assign(IEnumerable<AddedToken> tokens, BpeModel model)
    {
        var assigned = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<AddedToken>();
        foreach (AddedToken token in tokens)
        {
            if (token.Content.Length == 0)
                continue;
            int id = assigned.TryGetValue(token.Content, out int existing) ? existing
                : model.TokenToId(token.Content) ?? NextId(assigned, model.Count);
            assigned[token.Content] = id;
            result.Add(token with { Id = id });
        }
        return result;
    }

    private static int NextId(Dictionary<string, int> assigned, int vocabSize)
    {
        if (assigned.Count == 0)
            return vocabSize;
        int max = assigned.Values.Max();
        return max >= vocabSize || vocabSize == 0 ? max + 1 : vocabSize;
    }
}
