namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// The added tokens and HF's two-pass extraction (<c>AddedVocabulary::extract_and_normalize</c>):
/// 1. split the raw text on tokens with <c>normalized: false</c>;
/// 2. normalize each remaining piece on its own, then split it on tokens with <c>normalized: true</c>, whose
///    contents were run through the same normalizer.
/// Pieces matched in either pass map straight to their ids and skip pre-tokenization and the model.
/// </summary>
internal sealed class AddedVocabulary
{
    private readonly Dictionary<string, AddedToken> _byContent = new(StringComparer.Ordinal);
    private readonly Dictionary<int, AddedToken> _byId = new();
    private readonly AddedTokenMatcher _rawMatcher;
    private readonly AddedTokenMatcher _normalizedMatcher;
    private readonly INormalizer? _normalizer;

    public AddedVocabulary(IReadOnlyList<AddedToken> tokens, INormalizer? normalizer)
    {
        foreach (AddedToken token in tokens)
        {
            _byContent[token.Content] = token;
            _byId[token.Id] = token;
        }
        _normalizer = normalizer;
        _rawMatcher = new AddedTokenMatcher(tokens.Where(t => !t.Normalized));
        _normalizedMatcher = new AddedTokenMatcher(tokens.Where(t => t.Normalized)
            .Select(t => t with { Content = normalizer?.Normalize(t.Content) ?? t.Content }));
    }

    public IEnumerable<AddedToken> Tokens => _byId.Values;

    public AddedToken? ById(int id) => _byId.GetValueOrDefault(id);

    public AddedToken? ByContent(string content) => _byContent.GetValueOrDefault(content);

    /// <summary>Splits and normalizes <paramref name="text"/> (HF's extract_and_normalize).</summary>
    public List<TextSplit> ExtractAndNormalize(string text)
    {
        var raw = new List<TextSplit>();
        _rawMatcher.Split(new TextSplit(text, null, true), raw);

        var result = new List<TextSplit>(raw.Count);
        foreach (TextSplit split in raw)
        {
            if (split.TokenId is not null)
            {
                result.Add(split);
                continue;
            }
            string normalized = _normalizer?.Normalize(split.Text) ?? split.Text;
            _normalizedMatcher.Split(split with { Text = normalized }, result);
        }
        return result;
    }
}
