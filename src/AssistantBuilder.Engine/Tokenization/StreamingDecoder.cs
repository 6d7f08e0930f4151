namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// Decodes generated ids one at a time, as HF's <c>DecodeStream</c> does: it decodes a short window of recent ids
/// and emits only the text added since the last emission, holding everything back while the window's text ends
/// in U+FFFD (bytes of a character that is not complete yet). The window keeps the last emitted token as context,
/// so decoders that treat the first token specially (Metaspace, Strip) still decode mid-stream tokens right.
/// Not thread-safe: one instance per generation.
/// </summary>
public sealed class StreamingDecoder
{
    private readonly HfTokenizer _tokenizer;
    private readonly bool _skipSpecialTokens;
    private List<int> _ids = [];
    private string _prefix = "";
    private int _prefixIndex;

    internal StreamingDecoder(HfTokenizer tokenizer, bool skipSpecialTokens)
    {
        _tokenizer = tokenizer;
        _skipSpecialTokens = skipSpecialTokens;
    }

    /// <summary>Adds one id; returns the newly completed text, or "" while a character is still incomplete.</summary>
    public string Push(int id)
    {
        _ids.Add(id);
        string text = _tokenizer.Decode(_ids, _skipSpecialTokens);
        if (text.Length <= _prefix.Length || text.EndsWith('\uFFFD'))
            return "";
        if (!text.StartsWith(_prefix, StringComparison.Ordinal))
            throw new InvalidOperationException("Streaming decode lost its prefix: the decoder rewrote text already emitted.");

        string added = text[_prefix.Length..];
        int newPrefixIndex = _ids.Count - _prefixIndex;
        _ids = _ids.GetRange(_prefixIndex, _ids.Count - _prefixIndex);
        _prefix = _tokenizer.Decode(_ids, _skipSpecialTokens);
        _prefixIndex = newPrefixIndex;
        return added;
    }

    /// <summary>
    /// Ends the stream: returns whatever is still held back (an incomplete character decodes to U+FFFD) and
    /// starts over, as if newly created.
    /// </summary>
    public string Flush()
    {
        string text = _tokenizer.Decode(_ids, _skipSpecialTokens);
        string rest = text.Length > _prefix.Length && text.StartsWith(_prefix, StringComparison.Ordinal)
            ? text[_prefix.Length..]
            : "";
        _ids = [];
        _prefix = "";
        _prefixIndex = 0;
        return rest;
    }
}
