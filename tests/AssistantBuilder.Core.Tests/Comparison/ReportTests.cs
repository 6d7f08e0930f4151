using AssistantBuilder.Core.Comparison;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AssistantBuilder.Core.Tests.Comparison;

/// <summary>Summaries (token-weighted perplexity, fact recall), the verdict and the CSV export.</summary>
public sealed class ReportTests
{
    static ContestantAnswer Answer(string name, double f1, double? ppl, int refTokens, int found = 1, int total = 2, string? error = null) =>
        new(name, "text, with \"quotes\"", f1, f1, found, total, ppl, refTokens, 10, 100, 5, 4, 0, null, error);

    static Contestant Fake(string name, ContestantKind kind) => new() { Name = name, Kind = kind, Service = null! };

    [Fact]
    public void Perplexity_is_token_weighted_and_failed_answers_are_left_out()
    {
        // ppl 2 over 1 token and 8 over 2 tokens: exp((ln 2 + 2 ln 8) / 3) = 2^(7/3)
        var s = HeldOutEvaluator.Summarise(Fake("t", ContestantKind.FineTuned), [Answer("t", 0.5, 2, 1), Answer("t", 1.0, 8, 2), Answer("t", 0, null, 0, error: "boom")]);
        Assert.Equal(Math.Pow(2, 7.0 / 3), s.Perplexity!.Value, 9);
        Assert.Equal(0.75, s.F1, 10);
        Assert.Equal(0.5, s.FactRecall!.Value, 10); // 2 of 4
        Assert.Equal((2, 1), (s.Answered, s.Errors));
        Assert.Equal(4 * 2 / 0.2, s.TokensPerSecond, 6); // 8 tokens in 200 ms
    }

    [Fact]
    public void Verdict_counts_metrics_won_with_lower_perplexity_better()
    {
        var tuned = new ContestantSummary("t", ContestantKind.FineTuned, 3, 0, 0.6, 0.5, 0.9, 4, 0, 0, 0, 0, null);
        var prompted = new ContestantSummary("p", ContestantKind.Prompted, 3, 0, 0.3, 0.6, 0.2, 40, 0, 0, 0, 0, null);
        var verdict = Verdict.For([tuned, prompted]);
        Assert.StartsWith("Fine-tuning wins: better on 3 of 4 metrics, worse on 1", verdict);
        Assert.StartsWith("The prompted baseline wins", Verdict.For([tuned with { F1 = 0.1, FactRecall = 0.1, Perplexity = 50 }, prompted]));
        Assert.StartsWith("Nothing to compare", Verdict.For([tuned]));
    }

    [Fact]
    public void Csv_has_one_quoted_row_per_example_and_contestant()
    {
        var report = new EvaluationReport(DateTimeOffset.UnixEpoch, "eval.jsonl", 32, 2,
            [new ContestantSummary("t", ContestantKind.FineTuned, 1, 0, 1, 1, null, null, 0, 0, 0, 0, null)], "v",
            [new ExampleResult(0, "Q, with comma", "R\nnewline", [], [Answer("t", 0.25, 3.5, 4)])]);
        var lines = EvaluationCsv.ToString(report).Split("\r\n");
        Assert.StartsWith("example,question,reference,contestant,kind,answer,token_f1,rouge_l", lines[0]);
        Assert.Equal("1,\"Q, with comma\",\"R\nnewline\",t,FineTuned,\"text, with \"\"quotes\"\"\",0.2500,0.2500,1,2,3.5000,4,10.0,100.0,5,4,0,,", lines[1]);
    }
}
