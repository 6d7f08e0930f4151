namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// The Wilson score interval for a binomial proportion (wins out of votes): with p̂ = k/n and z (1.96 for 95 %),
/// centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z · √(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n). Unlike the normal
/// approximation it stays inside [0, 1] and is sensible for few votes. No votes: [0, 1].
/// </summary>
public static class WilsonInterval
{
    public const double Z95 = 1.959963984540054;

    public static (double Low, double High) Compute(int successes, int trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0) return (0, 1);
        double n = trials, p = successes / n, z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
