using System.Collections.Concurrent;
using System.Text;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// HF's BPE model (<c>models/bpe/model.rs</c>) for one pre-token.
/// Written by hand rather than with Microsoft.ML.Tokenizers' BpeTokenizer because HF builds the initial symbols
/// in ways that library cannot express: with <c>byte_fallback</c> an unknown character becomes its
/// <c>&lt;0xNN&gt;</c> byte tokens inside the same word (the library only drops it or uses unk),
/// <c>ignore_merges</c> maps a pre-token found in the vocabulary straight to its id, and merges in the newer
/// <c>[["a","b"]]</c> form may contain spaces, which the library's "a b" merge strings cannot hold.
/// The merge loop itself (<see cref="BpeWord"/>) is the same algorithm as the library's; the tests check both
/// give the same ids.
/// </summary>
internal sealed class BpeModel
{
    private const int MaxCachedWordLength = 256;
    private const int MaxCacheEntries = 20_000;

    private readonly Dictionary<string, int> _vocab;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _vocabBySpan;
    private readonly Dictionary<int, string> _idToToken;
    private readonly BpeMerges _merges;
    private readonly BpeSettings _settings;
    private readonly int?[] _byteTokenIds = new int?[256];
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);
    private int _cacheEntries; // ConcurrentDictionary.Count takes every lock, so count additions here

    public BpeModel(Dictionary<string, int> vocab, BpeMerges merges, BpeSettings settings)
    {
        _vocab = vocab;
        _vocabBySpan = vocab.GetAlternateLookup<ReadOnlySpan<char>>();
        _idToToken = new Dictionary<int, string>(vocab.Count);
        foreach ((string token, int id) in vocab)
            _idToToken[id] = token; // two tokens on one id: the later wins, as in HF's vocab_r
        _merges = merges;
        _settings = settings;
        for (int b = 0; b < 256; b++)
            _byteTokenIds[b] = vocab.TryGetValue($"<0x{b:X2}>", out int id) ? id : null;
    }

    /// <summary>Number of vocabulary entries (HF's <c>get_vocab_size</c>).</summary>
    public int Count => _vocab.Count;

    public int MaxId => _idToToken.Count == 0 ? -1 : _idToToken.Keys.Max();

    public int? TokenToId(string token) => _vocab.TryGetValue(token, out int id) ? id : null;

    public string? IdToToken(int id) => _idToToken.GetValueOrDefault(id);

    /// <summary>Appends the ids of one pre-token (HF's <c>BPE::tokenize</c>).</summary>
    public void Tokenize(string word, List<int> output)
    {
        if (word.Length == 0)
            return;
        if (_settings.IgnoreMerges && _vocab.TryGetValue(word, out int whole))
        {
            output.Add(whole);
            return;
        }
        if (_cache.TryGetValue(word, out int[]? cached))
        {
            output.AddRange(cached);
            return;
        }

        List<int> symbols = InitialSymbols(word);
        BpeWord.MergeAll(symbols, _merges);
        if (word.Length <= MaxCachedWordLength && Volatile.Read(ref _cacheEntries) < MaxCacheEntries &&
            _cache.TryAdd(word, symbols.ToArray()))
            Interlocked.Increment(ref _cacheEntries);
        output.AddRange(symbols);
    }

    /// <summary>
    /// HF's <c>merge_word</c> before merging: one symbol per character (with the subword prefix on all but the
    /// first and the end-of-word suffix on the last); an unknown character becomes its byte tokens when
    /// <c>byte_fallback</c> has them all, else unk (runs fused with <c>fuse_unk</c>), else it is dropped.
    /// </summary>
    private List<int> InitialSymbols(string word)
    {
        var symbols = new List<int>(word.Length);
        int? pendingUnk = null;
        for (int i = 0; i < word.Length;)
        {
            int length = char.IsHighSurrogate(word[i]) && i + 1 < word.Length && char.IsLowSurrogate(word[i + 1]) ? 2 : 1;
            bool isFirst = i == 0;
            i += length;
            bool isLast = i == word.Length;

            if (TryLookup(word.AsSpan(i - length, length), isFirst, isLast, out int id, out string? symbol))
            {
                if (pendingUnk is int unk)
                    symbols.Add(unk);
                pendingUnk = null;
                symbols.Add(id);
            }
            else if (!TryAddByteFallback(symbol ?? word.Substring(i - length, length), symbols))
            {
                pendingUnk = NextUnk(pendingUnk, symbols);
            }
        }
        if (pendingUnk is int last)
            symbols.Add(last);
        return symbols;
    }

    // The symbol with its prefix/suffix; `symbol` is set only when a prefix or suffix was added.
    private bool TryLookup(ReadOnlySpan<char> character, bool isFirst, bool isLast, out int id, out string? symbol)
    {
        string? prefix = isFirst ? null : _settings.ContinuingSubwordPrefix;
        string? suffix = isLast ? _settings.EndOfWordSuffix : null;
        if (prefix is null && suffix is null)
        {
            symbol = null;
            return _vocabBySpan.TryGetValue(character, out id);
        }
        symbol = string.Concat(prefix, character, suffix);
        return _vocab.TryGetValue(symbol, out id);
    }

    // HF adds the bytes of the symbol (prefix/suffix included) only if every <0xNN> token exists. Like HF, a
    // pending unk is not flushed first.
    private bool TryAddByteFallback(string symbol, List<int> symbols)
    {
        if (!_settings.ByteFallback)
            return false;
        byte[] bytes = Encoding.UTF8.GetBytes(symbol);
        if (bytes.Any(b => _byteTokenIds[b] is null))
            return false;
        foreach (byte b in bytes)
            symbols.Add(_byteTokenIds[b]!.Value);
        return true;
    }

    // Without unk_token an unknown character is dropped (HF does the same); with fuse_unk a run shares one unk.
    private int? NextUnk(int? pendingUnk, List<int> symbols)
    {
        if (_settings.UnkToken is null)
            return pendingUnk;
        if (!_vocab.TryGetValue(_settings.UnkToken, out int unkId))
            throw new InvalidOperationException($"The unk_token '{_settings.UnkToken}' is not in the BPE vocabulary.");
        if (pendingUnk is int previous && !_settings.FuseUnk)
            symbols.Add(previous);
        return unkId;
    }
}
