namespace AssistantBuilder.Engine.Benchmarks;

public sealed record InferenceBenchResult(
    long Parameters, double WeightBytesPerToken, int PrefillTokens, double PrefillTokensPerSecond, int DecodeTokens,
    double DecodeTokensPerSecond, double ReadBandwidthBytesPerSecond, double CopyBandwidthBytesPerSecond, int Threads, string Dtype, string Device,
    int Pairs, double PairedFractionLow, double PairedFraction, double PairedFractionHigh) // quartiles of the paired fractions
{
    /// <summary>Tokens per second if decode did nothing but read the weights at the measured read bandwidth.</summary>
    public double DecodeBoundTokensPerSecond => ReadBandwidthBytesPerSecond / WeightBytesPerToken;
    public double FractionOfBound => DecodeTokensPerSecond / DecodeBoundTokensPerSecond;
}
