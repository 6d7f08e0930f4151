namespace AssistantBuilder.Engine.Training;

/// <summary>
/// Groups examples of similar length into batches, so little of a batch is padding, in an order that is shuffled
/// yet fixed by the seed and the epoch: the same on every machine, every example exactly once per epoch.
/// </summary>
/// <remarks>
/// Each epoch: shuffle all indices; cut them into pools of about <c>poolBatches</c> batches' worth of examples;
/// sort each pool by length and cut it greedily into batches within the limits; shuffle the batches. Larger pools
/// waste less padding, smaller ones mix batches more from epoch to epoch.
/// </remarks>
public sealed class LengthBatcher
{
    private readonly int[] _lengths;
    private readonly int _poolSize;

    /// <param name="lengths">Each example's token count.</param>
    /// <param name="maxBatchTokens">If positive, a batch's padded size (examples × its longest) stays within it.</param>
    /// <param name="maxBatchSize">If positive, a batch has at most this many examples.</param>
    /// <param name="seed">Fixes the order, together with the epoch.</param>
    /// <param name="poolBatches">How many batches' worth of examples are sorted together.</param>
    public LengthBatcher(IReadOnlyList<int> lengths, int maxBatchTokens = 0, int maxBatchSize = 0, ulong seed = 0, int poolBatches = 50)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        if (maxBatchTokens <= 0 && maxBatchSize <= 0)
            throw new ArgumentException("Give a batch token budget, a batch size, or both.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(poolBatches);
        _lengths = lengths.ToArray();
        for (int i = 0; i < _lengths.Length; i++)
        {
            if (_lengths[i] <= 0)
                throw new ArgumentException($"Example {i} has length {_lengths[i]}; lengths must be positive.", nameof(lengths));
            if (maxBatchTokens > 0 && _lengths[i] > maxBatchTokens)
                throw new ArgumentException($"Example {i} has {_lengths[i]} tokens, more than the batch budget of {maxBatchTokens}.", nameof(lengths));
        }
        MaxBatchTokens = Math.Max(0, maxBatchTokens);
        MaxBatchSize = Math.Max(0, maxBatchSize);
        Seed = seed;
        _poolSize = PoolSize(poolBatches);
    }

    public int MaxBatchTokens { get; }

    public int MaxBatchSize { get; }

    public ulong Seed { get; }

    public int Count => _lengths.Length;

    /// <summary>All batches of <paramref name="epoch"/>, in training order; each a list of example indices.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Epoch(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        var rng = new SplitMix64(SplitMix64.Mix(Seed) ^ SplitMix64.Mix((ulong)epoch + 1));
        var order = Enumerable.Range(0, _lengths.Length).ToArray();
        rng.Shuffle(order);

        var batches = new List<IReadOnlyList<int>>();
        for (int start = 0; start < order.Length; start += _poolSize)
        {
            var pool = order.AsSpan(start, Math.Min(_poolSize, order.Length - start)).ToArray();
            // OrderBy is stable: equal lengths keep their shuffled order.
            CutBatches(pool.OrderBy(i => _lengths[i]), batches);
        }
        rng.Shuffle(batches);
        return batches;
    }

    /// <summary>The batches of <paramref name="epoch"/> from batch <paramref name="startBatch"/> on (to resume training).</summary>
    public IEnumerable<IReadOnlyList<int>> Batches(int epoch, int startBatch = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startBatch);
        return Epoch(epoch).Skip(startBatch);
    }

    /// <summary>How many batches <paramref name="epoch"/> has (it may vary a little between epochs under a token budget).</summary>
    public int BatchCount(int epoch) => Epoch(epoch).Count;

    /// <summary>The fraction of <paramref name="epoch"/>'s padded batch tokens that are padding.</summary>
    public double PaddingWaste(int epoch) => PaddingWaste(_lengths, Epoch(epoch));

    /// <summary>The fraction of padded tokens that are padding when each batch is padded to its longest example.</summary>
    public static double PaddingWaste(IReadOnlyList<int> lengths, IEnumerable<IReadOnlyList<int>> batches)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentNullException.ThrowIfNull(batches);
        long padded = 0, real = 0;
        foreach (var batch in batches)
        {
            if (batch.Count == 0)
                continue;
            long longest = batch.Max(i => lengths[i]);
            padded += longest * batch.Count;
            real += batch.Sum(i => (long)lengths[i]);
        }
        return padded == 0 ? 0 : (double)(padded - real) / padded;
    }

    private void CutBatches(IEnumerable<int> sortedByLength, List<IReadOnlyList<int>> batches)
    {
        var batch = new List<int>();
        foreach (int index in sortedByLength)
        {
            int count = batch.Count + 1;
            bool tooMany = MaxBatchSize > 0 && count > MaxBatchSize;
            bool tooLarge = MaxBatchTokens > 0 && (long)count * _lengths[index] > MaxBatchTokens;
            if (batch.Count > 0 && (tooMany || tooLarge))
            {
                batches.Add(batch);
                batch = [];
            }
            batch.Add(index);
        }
        if (batch.Count > 0)
            batches.Add(batch);
    }

    private int PoolSize(int poolBatches)
    {
        int perBatch = MaxBatchSize > 0 ? MaxBatchSize : int.MaxValue;
        if (MaxBatchTokens > 0 && _lengths.Length > 0)
            perBatch = (int)Math.Min(perBatch, Math.Max(1, MaxBatchTokens / Math.Max(1, _lengths.Average())));
        return (int)Math.Clamp((long)perBatch * poolBatches, 1, int.MaxValue);
    }
}
