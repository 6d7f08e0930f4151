namespace AssistantBuilder.Engine.Benchmarks;

/// <summary>One concurrency level of <see cref="ServingBenchmark"/>: aggregate decode throughput, time to first token, and time per token within a stream.</summary>
public sealed record ServingBenchResult(
    int Concurrency, int Requests, int TokensPerRequest, double Seconds, double TokensPerSecond, double TimeToFirstTokenP50Ms, double TimeToFirstTokenP95Ms,
    double StreamMsPerToken, // mean over requests of (last chunk - first chunk) / (tokens - 1), as ab bench http measures it
    double CpuMsPerToken);   // the process's CPU time (all threads) over the level, per generated token
