using System.Runtime.InteropServices;

namespace AssistantBuilder.Engine.Tokenization.Training;

/// <summary>
/// The BPE merge loop over counted words, as HF's <c>BpeTrainer::do_train</c> runs it: take the most frequent
/// adjacent pair (ties: the smaller (left id, right id), where ids are the specials, the alphabet sorted by
/// character, then merged tokens in the order they were made), add the joined token unless that string is already
/// in the vocabulary (its id is reused), merge it in every word left to right, and go on until the vocabulary is
/// full or the best pair is rarer than the minimum frequency.
/// Incremental: each pair knows its count and the words it may occur in, so a merge only revisits those words,
/// and a max-heap with lazily refreshed counts picks the next pair.
/// </summary>
internal sealed class MergeLearner
{
    private sealed class PairStats(long key)
    {
        public readonly long Key = key;
        public long Count;
        public int TouchedAt = -1;
        public readonly List<int> Words = [];
    }

    // Most frequent first; then ascending (left, right), which is the ascending key.
    private sealed class HeapOrder : IComparer<(long Count, long Key)>
    {
        public static readonly HeapOrder Instance = new();

        public int Compare((long Count, long Key) x, (long Count, long Key) y) =>
            x.Count != y.Count ? y.Count.CompareTo(x.Count) : x.Key.CompareTo(y.Key);
    }

    // long.GetHashCode() is left ^ right here, which collides a lot for small ids.
    private sealed class PairKeyComparer : IEqualityComparer<long>
    {
        public static readonly PairKeyComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
    }

    private readonly List<string> _idToToken;
    private readonly Dictionary<string, int> _tokenToId = new(StringComparer.Ordinal);
    private readonly int[][] _words;
    private readonly int[] _lengths;
    private readonly long[] _frequencies;
    private readonly int[] _visitedAt;
    private readonly Dictionary<long, PairStats> _pairs = new(PairKeyComparer.Instance);
    private readonly PriorityQueue<long, (long Count, long Key)> _queue = new(HeapOrder.Instance);
    private readonly HashSet<long> _merged = [];
    private readonly List<PairStats> _touched = [];
    private int _step;

    /// <param name="initialTokens">Ids 0.. in order: the special tokens, then the alphabet (one-character tokens).</param>
    /// <param name="wordCounts">Words written in the alphabet, with their counts.</param>
    public MergeLearner(IReadOnlyList<string> initialTokens, IReadOnlyDictionary<string, long> wordCounts)
    {
        _idToToken = new List<string>(initialTokens.Count);
        foreach (string token in initialTokens)
            if (_tokenToId.TryAdd(token, _idToToken.Count))
                _idToToken.Add(token);

        char maxChar = initialTokens.Where(t => t.Length == 1).Select(t => t[0]).DefaultIfEmpty('\0').Max();
        var charToId = new int[maxChar + 1];
        Array.Fill(charToId, -1);
        foreach (string token in initialTokens)
            if (token.Length == 1)
                charToId[token[0]] = _tokenToId[token];

        _words = new int[wordCounts.Count][];
        _lengths = new int[wordCounts.Count];
        _frequencies = new long[wordCounts.Count];
        _visitedAt = new int[wordCounts.Count];
        int w = 0;
        foreach ((string word, long count) in wordCounts)
        {
            var symbols = new int[word.Length];
            for (int i = 0; i < word.Length; i++)
            {
                char c = word[i];
                symbols[i] = c < charToId.Length && charToId[c] >= 0
                    ? charToId[c]
                    : throw new ArgumentException($"word '{word}' has character U+{(int)c:X4}, which is not in the alphabet.");
            }
            _words[w] = symbols;
            _lengths[w] = symbols.Length;
            _frequencies[w] = count;
            for (int i = 0; i + 1 < symbols.Length; i++)
                Add(Key(symbols[i], symbols[i + 1]), count, w, listWord: true);
            w++;
        }
        foreach (PairStats stats in _pairs.Values)
            _queue.Enqueue(stats.Key, (stats.Count, stats.Key));
    }

    public IReadOnlyList<string> Vocab => _idToToken;

    /// <summary>The merges in rank order, as token ids.</summary>
    public List<(int Left, int Right)> Merges { get; } = [];

    /// <summary>Tokens the words are made of now, each counted as often as its word occurs.</summary>
    public long TotalTokens()
    {
        long total = 0;
        for (int w = 0; w < _words.Length; w++)
            total += _lengths[w] * _frequencies[w];
        return total;
    }

    /// <summary>Learns merges until the vocabulary has <paramref name="vocabSize"/> tokens or no pair is frequent enough.</summary>
    /// <param name="onMerge">Called after each new merge with the number of merges so far.</param>
    public void Run(int vocabSize, long minFrequency, Action<int>? onMerge, CancellationToken cancellation)
    {
        while (_idToToken.Count < vocabSize && _queue.TryDequeue(out long key, out (long Count, long Key) queued))
        {
            cancellation.ThrowIfCancellationRequested();
            PairStats? stats = _pairs.GetValueOrDefault(key);
            long count = stats?.Count ?? 0;
            if (count != queued.Count)
            {
                // A stale entry. A higher count was queued when it rose; a lower one is queued now.
                if (count > 0 && count < queued.Count)
                    _queue.Enqueue(key, (count, key));
                continue;
            }
            if (count < minFrequency)
                break;

            (int left, int right) = ((int)(key >> 32), (int)key);
            string joined = _idToToken[left] + _idToToken[right];
            bool isNewMerge = _merged.Add(key);
            if (!_tokenToId.TryGetValue(joined, out int newId))
            {
                newId = _idToToken.Count;
                _idToToken.Add(joined);
                _tokenToId[joined] = newId;
            }
            // A pair merged before can only come back through a reused id; merging it again keeps the words as the
            // encoder (which applies the earlier merge) would make them, and adds no second merge.
            if (isNewMerge)
                Merges.Add((left, right));
            MergeEverywhere(stats!, left, right, newId);
            if (isNewMerge)
                onMerge?.Invoke(Merges.Count);
        }
    }

    private void MergeEverywhere(PairStats stats, int left, int right, int newId)
    {
        _step++;
        _touched.Clear();
        foreach (int w in stats.Words)
        {
            if (_visitedAt[w] == _step)
                continue;
            _visitedAt[w] = _step;
            MergeWord(w, left, right, newId);
        }
        foreach (PairStats pair in _touched)
            if (pair.Count > 0)
                _queue.Enqueue(pair.Key, (pair.Count, pair.Key));
    }

    // Replaces every (left, right) in the word, left to right, and updates the counts of the pairs from the first
    // occurrence's left neighbour on. Pairs with the new token are queued once the merge is done everywhere.
    private void MergeWord(int w, int left, int right, int newId)
    {
        int[] s = _words[w];
        int length = _lengths[w];
        int first = -1;
        for (int i = 0; i + 1 < length; i++)
        {
            if (s[i] == left && s[i + 1] == right)
            {
                first = i;
                break;
            }
        }
        if (first < 0)
            return; // the word lost this pair since it was listed

        long frequency = _frequencies[w];
        int from = Math.Max(first - 1, 0);
        for (int i = from; i + 1 < length; i++)
            Remove(Key(s[i], s[i + 1]), frequency);

        int write = first;
        for (int read = first; read < length;)
        {
            if (read + 1 < length && s[read] == left && s[read + 1] == right)
            {
                s[write++] = newId;
                read += 2;
            }
            else
            {
                s[write++] = s[read++];
            }
        }
        _lengths[w] = length = write;

        for (int i = from; i + 1 < length; i++)
        {
            bool hasNew = s[i] == newId || s[i + 1] == newId;
            PairStats pair = Add(Key(s[i], s[i + 1]), frequency, w, listWord: hasNew);
            if (hasNew && pair.TouchedAt != _step)
            {
                pair.TouchedAt = _step;
                _touched.Add(pair);
            }
        }
    }

    // Adds to a pair's count; the word joins the pair's list when listing it is asked for or the pair is new.
    // A word keeps every pair it holds listed: a pair it held before this merge lists it already.
    private PairStats Add(long key, long frequency, int word, bool listWord)
    {
        ref PairStats? stats = ref CollectionsMarshal.GetValueRefOrAddDefault(_pairs, key, out _);
        if (stats is null)
        {
            stats = new PairStats(key);
            listWord = true;
        }
        stats.Count += frequency;
        if (listWord && (stats.Words.Count == 0 || stats.Words[^1] != word))
            stats.Words.Add(word);
        return stats;
    }

    private void Remove(long key, long frequency)
    {
        ref PairStats stats = ref CollectionsMarshal.GetValueRefOrNullRef(_pairs, key);
        stats.Count -= frequency;
        if (stats.Count == 0)
            _pairs.Remove(key);
    }

    private static long Key(int left, int right) => ((long)left << 32) | (uint)right;
}
