using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Engine.Tests.Training;

public class CollatorTests
{
    [Fact]
    public void Pads_on_the_right_to_the_longest_example()
    {
        var a = new TrainingExample([1, 2, 3], [-100, 2, 3], 2, 0);
        var b = new TrainingExample([4, 5, 6, 7, 8], [-100, -100, -100, 7, 8], 2, 1);

        var batch = Collator.Collate([a, b], padId: 0);

        Assert.Equal((2, 5), (batch.BatchSize, batch.SequenceLength));
        Assert.Equal(new long[,] { { 1, 2, 3, 0, 0 }, { 4, 5, 6, 7, 8 } }, batch.Ids);
        Assert.Equal(new long[,] { { -100, 2, 3, -100, -100 }, { -100, -100, -100, 7, 8 } }, batch.Labels);
        Assert.Equal(new[,] { { true, true, true, false, false }, { true, true, true, true, true } }, batch.KeyMask);
        Assert.Equal(4, batch.TrainedTokens);
    }

    [Fact]
    public void A_single_example_needs_no_padding()
    {
        var batch = Collator.Collate([new TrainingExample([9, 8], [9, 8], 2, 0)], padId: 99);

        Assert.Equal(new long[,] { { 9, 8 } }, batch.Ids);
        Assert.All(batch.KeyMask.Cast<bool>(), Assert.True);
    }

    [Fact]
    public void Refuses_an_empty_batch_and_mismatched_labels()
    {
        Assert.Throws<ArgumentException>(() => Collator.Collate([], 0));
        Assert.Throws<ArgumentException>(() => Collator.Collate([new TrainingExample([1, 2], [1], 1, 0)], 0));
    }
}
