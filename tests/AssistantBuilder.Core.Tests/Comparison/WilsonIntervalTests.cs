using AssistantBuilder.Core.Comparison;

namespace AssistantBuilder.Core.Tests.Comparison;

/// <summary>Wilson score intervals (z = 1.96) against hand-computed values.</summary>
public sealed class WilsonIntervalTests
{
    [Theory]
    // 8/10: p = .8, centre = (.8 + z²/20)/(1 + z²/10) = .71674, half = z·√(.016 + z²/400)/(1 + z²/10) = .22658
    [InlineData(8, 10, 0.490162, 0.943318)]
    // 0/5: centre = half = (z²/10)/(1 + z²/5): [0, z²/5 / (1 + z²/5)]
    [InlineData(0, 5, 0.0, 0.434482)]
    [InlineData(5, 5, 0.565518, 1.0)]
    [InlineData(1, 2, 0.094531, 0.905469)]
    public void Matches_hand_computed_bounds(int wins, int votes, double low, double high)
    {
        var (l, h) = WilsonInterval.Compute(wins, votes);
        Assert.Equal(low, l, 5);
        Assert.Equal(high, h, 5);
    }

    [Fact]
    public void No_votes_is_the_whole_range_and_bad_counts_throw()
    {
        Assert.Equal((0.0, 1.0), WilsonInterval.Compute(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Compute(3, 2));
    }
}
