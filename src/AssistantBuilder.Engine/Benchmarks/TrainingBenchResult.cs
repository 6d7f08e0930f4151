namespace AssistantBuilder.Engine.Benchmarks;

public sealed record TrainingBenchResult(
    int SequenceLength, int BatchSize, double TokensPerSecond, double FlopsPerToken, double MatmulPeakFlops,
    long PeakResidentBytes, long TrainableParameters, string Dtype, string Device, int Threads)
{
    public double AchievedFlops => TokensPerSecond * FlopsPerToken;
    /// <summary>Model FLOPs utilisation: achieved model FLOP/s over the measured fp32 matmul peak.</summary>
    public double Mfu => AchievedFlops / MatmulPeakFlops;
}
