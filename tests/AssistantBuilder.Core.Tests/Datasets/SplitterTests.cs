using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

public sealed class SplitterTests
{
    private static List<Conversation> Make(int count) => Enumerable.Range(1, count)
        .Select(i => new Conversation([new ConversationTurn("user", $"question {i}"), new ConversationTurn("assistant", $"answer {i}")], i))
        .ToList();

    [Fact]
    public void The_same_seed_gives_the_same_split()
    {
        List<Conversation> all = Make(50);

        var first = DatasetSplitter.Split(all, 0.2, seed: 7);
        var second = DatasetSplitter.Split(all, 0.2, seed: 7);

        Assert.Equal(first.Train, second.Train);
        Assert.Equal(first.Validation, second.Validation);
    }

    [Fact]
    public void A_different_seed_gives_a_different_split()
    {
        List<Conversation> all = Make(50);

        var first = DatasetSplitter.Split(all, 0.2, seed: 7);
        var second = DatasetSplitter.Split(all, 0.2, seed: 8);

        Assert.NotEqual(first.Validation, second.Validation);
    }

    [Theory]
    [InlineData(50, 0.2, 10)]
    [InlineData(10, 0.1, 1)]
    [InlineData(7, 0.5, 4)]
    [InlineData(2, 0.0, 1)]
    [InlineData(2, 0.9, 1)]
    [InlineData(1, 0.5, 0)]
    [InlineData(0, 0.5, 0)]
    public void Splits_without_overlap_into_two_sets_that_make_up_the_whole(int count, double fraction, int expectedValidation)
    {
        List<Conversation> all = Make(count);

        var (train, validation) = DatasetSplitter.Split(all, fraction, seed: 42);

        Assert.Equal(expectedValidation, validation.Count);
        Assert.Empty(train.Intersect(validation));
        Assert.Equal(all, train.Concat(validation).OrderBy(c => c.SourceLine));
        Assert.Equal(train.OrderBy(c => c.SourceLine), train);
    }

    [Fact]
    public void The_split_depends_on_the_content_not_on_the_order()
    {
        List<Conversation> all = Make(30);
        var reversed = Enumerable.Reverse(all).ToList();

        var forward = DatasetSplitter.Split(all, 0.3, seed: 1);
        var backward = DatasetSplitter.Split(reversed, 0.3, seed: 1);

        Assert.Equal(forward.Validation.OrderBy(c => c.SourceLine), backward.Validation.OrderBy(c => c.SourceLine));
    }

    [Fact]
    public void The_split_is_pinned_so_that_it_stays_the_same_across_machines_and_versions()
    {
        var (_, validation) = DatasetSplitter.Split(Make(20), 0.25, seed: 1234);

        Assert.Equal(PinnedValidationLines, validation.Select(c => c.SourceLine));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Rejects_a_fraction_outside_zero_to_one(double fraction)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplitter.Split(Make(5), fraction, 0));
    }

    // Cross-checked with an independent computation (SHA-256 of "1234\u001d" + the conversation key, first 8 bytes big-endian, ascending).
    private static readonly int[] PinnedValidationLines = [7, 8, 10, 11, 17];
}
