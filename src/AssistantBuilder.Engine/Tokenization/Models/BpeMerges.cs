namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// HF's merge map: the pair of token ids (a, b) to the rank of "a b" in <c>merges</c> and the id of the merged
/// token. Keyed by ids, so merges only ever join symbols the vocabulary knows.
/// </summary>
internal sealed class BpeMerges
{
    private readonly Dictionary<long, (int Rank, int NewId)> _pairs = new(PairKeyComparer.Instance);

    public int Count => _pairs.Count;

    private static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    /// <summary>Adds a merge; a later duplicate of a pair replaces the earlier one, as HF's map does.</summary>
    public void Add(int left, int right, int rank, int newId) => _pairs[Key(left, right)] = (rank, newId);

    public bool TryGet(int left, int right, out (int Rank, int NewId) merge) =>
        _pairs.TryGetValue(Key(left, right), out merge);

    /// <summary>
    /// long.GetHashCode() is <c>low ^ high</c>, i.e. <c>left ^ right</c> here: pairs of small ids collide by the
    /// thousand in a 280k-merge vocabulary. A multiplicative mix spreads them.
    /// </summary>
    private sealed class PairKeyComparer : IEqualityComparer<long>
    {
        public static readonly PairKeyComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
    }
}
