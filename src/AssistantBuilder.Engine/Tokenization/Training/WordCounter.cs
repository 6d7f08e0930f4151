using System.Runtime.InteropServices;

namespace AssistantBuilder.Engine.Tokenization.Training;

/// <summary>
/// Counts the words of a corpus as the trained tokenizer will see them: split on the special tokens (which are not
/// learned as text), then pre-tokenized by the loader's own pre-tokenizer into GPT-2 byte-alphabet strings.
/// </summary>
internal sealed class WordCounter
{
    private readonly AddedVocabulary _specials;
    private readonly IPreTokenizer _preTokenizer = ByteLevelLayout.CreatePreTokenizer();
    private readonly List<PreToken> _preTokens = [];

    public WordCounter(IReadOnlyList<string> specialTokens)
    {
        var tokens = specialTokens.Select((content, id) => new AddedToken(id, content, Special: true, SingleWord: false,
            LStrip: false, RStrip: false, Normalized: false)).ToList();
        _specials = new AddedVocabulary(tokens, normalizer: null);
    }

    /// <summary>Byte-level word to its number of occurrences.</summary>
    public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>All words counted, with repeats.</summary>
    public long Words { get; private set; }

    /// <summary>Special tokens found in the text (each encodes to one token).</summary>
    public long SpecialTokens { get; private set; }

    /// <summary>Unicode characters (code points) of the text.</summary>
    public long Characters { get; private set; }

    public void Add(string text)
    {
        text = HfTokenizer.ReplaceLoneSurrogates(text);
        Characters += CountCodePoints(text);
        foreach (TextSplit split in _specials.ExtractAndNormalize(text))
        {
            if (split.TokenId is not null)
            {
                SpecialTokens++;
                continue;
            }
            _preTokens.Clear();
            _preTokenizer.PreTokenize(new PreToken(split.Text, split.AtStart), _preTokens);
            foreach (PreToken word in _preTokens)
                CollectionsMarshal.GetValueRefOrAddDefault(Counts, word.Text, out _)++;
            Words += _preTokens.Count;
        }
    }

    private static long CountCodePoints(string text)
    {
        long count = text.Length;
        foreach (char c in text)
            if (char.IsLowSurrogate(c))
                count--;
        return count;
    }
}
