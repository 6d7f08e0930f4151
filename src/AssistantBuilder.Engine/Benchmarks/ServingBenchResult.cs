namespace AssistantBuilder.Engine.Benchmarks;

/// <summary>One concurrency level of <see cref="ServingBenchmark"/>: aggregate decode throughput and time to first token.</summary>
public sealed record ServingBenchResult(
    int Concurrency, int Requests, int TokensPerRequest, double Seconds, double TokensPerSecond, double TimeToFirstTokenP50Ms, double TimeToFirstTokenP95Ms);
