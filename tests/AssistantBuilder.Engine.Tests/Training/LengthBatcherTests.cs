using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Engine.Tests.Training;

public class LengthBatcherTests
{
    // Mostly short examples with a long tail, as chat data sets are.
    private static readonly int[] Skewed = SkewedLengths(1000);

    private static int[] SkewedLengths(int count)
    {
        var rng = new SplitMix64(42);
        return Enumerable.Range(0, count).Select(_ => rng.Next(8) == 0 ? 200 + rng.Next(800) : 10 + rng.Next(90)).ToArray();
    }

    [Fact]
    public void SplitMix64_gives_the_reference_sequence()
    {
        // The first outputs of SplitMix64 seeded with 0, as in Vigna's reference splitmix64.c.
        var rng = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, rng.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.Next());
        Assert.Equal(0x06C45D188009454FUL, rng.Next());
    }

    [Fact]
    public void The_same_seed_and_epoch_give_the_same_batches()
    {
        var a = new LengthBatcher(Skewed, maxBatchTokens: 2048, seed: 7);
        var b = new LengthBatcher(Skewed.ToList(), maxBatchTokens: 2048, seed: 7);

        Assert.Equal(a.Epoch(3), b.Epoch(3));
        Assert.NotEqual(a.Epoch(3), new LengthBatcher(Skewed, maxBatchTokens: 2048, seed: 8).Epoch(3));
    }

    [Fact]
    public void The_order_is_pinned_across_machines_and_versions()
    {
        // A change here changes which batches a resumed run sees: only change it on purpose.
        var batcher = new LengthBatcher([5, 1, 9, 3, 7, 2, 8, 4, 6, 10], maxBatchSize: 3, seed: 1, poolBatches: 2);

        var batches = batcher.Epoch(0).Select(batch => string.Join(",", batch));

        Assert.Equal(PinnedEpoch0, string.Join(" | ", batches));
    }

    // Batches are index lists; lengths 1,3,6 | 8,9,10 | 2,4,5 | 7. Cross-checked with a Python transcription of the steps.
    private const string PinnedEpoch0 = "4 | 1,3,8 | 6,2,9 | 5,7,0";

    [Theory]
    [InlineData(2048, 0)]
    [InlineData(0, 16)]
    [InlineData(4096, 8)]
    public void Every_example_is_in_exactly_one_batch_per_epoch(int maxTokens, int maxSize)
    {
        var batcher = new LengthBatcher(Skewed, maxTokens, maxSize, seed: 3);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            var batches = batcher.Epoch(epoch);
            Assert.Equal(Enumerable.Range(0, Skewed.Length), batches.SelectMany(b => b).Order());
            Assert.All(batches, batch =>
            {
                Assert.NotEmpty(batch);
                if (maxSize > 0)
                    Assert.True(batch.Count <= maxSize);
                if (maxTokens > 0)
                    Assert.True(batch.Count * batch.Max(i => Skewed[i]) <= maxTokens);
            });
        }
    }

    [Fact]
    public void Different_epochs_give_different_batches()
    {
        var batcher = new LengthBatcher(Skewed, maxBatchSize: 16, seed: 3);

        var epoch0 = batcher.Epoch(0);
        var epoch1 = batcher.Epoch(1);

        Assert.NotEqual(epoch0, epoch1);
        // Not just a reordering: the pools differ, so the batches themselves do.
        var sets0 = epoch0.Select(b => string.Join(",", b.Order())).ToHashSet();
        Assert.True(epoch1.Count(b => !sets0.Contains(string.Join(",", b.Order()))) > epoch1.Count / 2);
    }

    [Fact]
    public void Resuming_at_batch_k_gives_the_remaining_batches()
    {
        var batcher = new LengthBatcher(Skewed, maxBatchTokens: 2048, seed: 11);
        var whole = batcher.Epoch(2);

        var resumed = new LengthBatcher(Skewed, maxBatchTokens: 2048, seed: 11).Batches(epoch: 2, startBatch: 17).ToList();

        Assert.Equal(whole.Skip(17), resumed);
        Assert.Equal(whole.Count, batcher.BatchCount(2));
        Assert.Empty(batcher.Batches(2, whole.Count));
    }

    [Fact]
    public void Length_grouping_wastes_far_less_padding_than_random_batches()
    {
        var batcher = new LengthBatcher(Skewed, maxBatchSize: 16, seed: 5);
        var rng = new SplitMix64(5);
        var shuffled = Enumerable.Range(0, Skewed.Length).ToArray();
        rng.Shuffle(shuffled);
        var random = shuffled.Chunk(16).Select(chunk => (IReadOnlyList<int>)chunk);

        double grouped = batcher.PaddingWaste(0);
        double baseline = LengthBatcher.PaddingWaste(Skewed, random);

        Assert.True(grouped < baseline / 3, $"grouped {grouped:P1} vs random {baseline:P1}");
    }

    [Fact]
    public void Padding_waste_is_the_fraction_of_pad_tokens()
    {
        int[] lengths = [2, 4, 4];

        Assert.Equal(2.0 / 12, LengthBatcher.PaddingWaste(lengths, [[0, 1], [2]]));
        Assert.Equal(0.0, LengthBatcher.PaddingWaste(lengths, [[1, 2], [0]]));
    }

    [Fact]
    public void Invalid_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new LengthBatcher([1, 2]));
        Assert.Throws<ArgumentException>(() => new LengthBatcher([1, 0], maxBatchSize: 2));
        Assert.Throws<ArgumentException>(() => new LengthBatcher([1, 300], maxBatchTokens: 256));
    }
}
