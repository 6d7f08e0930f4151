namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// Runs held-out examples through each contestant one at a time (greedy, so answers are reproducible and the
/// latencies are not skewed by each other) and scores every answer: token F1 and ROUGE-L against the reference,
/// key facts found, perplexity of the reference under each local configuration, latency and tokens, and the
/// judge's score when one is set. A contestant that fails on one example gets an error row there and goes on.
/// </summary>
public static class HeldOutEvaluator
{
    public static async Task<EvaluationReport> RunAsync(IReadOnlyList<EvalItem> items, IReadOnlyList<Contestant> contestants, EvaluationOptions options,
        string dataFile, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var examples = new List<ExampleResult>();
        foreach (var item in items)
        {
            var answers = new List<ContestantAnswer>();
            foreach (var c in contestants) answers.Add(await AnswerAsync(c, item, options, ct));
            examples.Add(new ExampleResult(item.Index, item.Question, item.Reference, item.Facts, answers));
            progress?.Report(examples.Count);
        }
        var summaries = contestants.Select((c, i) => Summarise(c, examples.Select(e => e.Answers[i]).ToList())).ToList();
        int fewShot = contestants.FirstOrDefault(c => c.Prompting is not null)?.Prompting!.FewShot ?? 0;
        return new EvaluationReport(DateTimeOffset.UtcNow, dataFile, options.MaxTokens, fewShot, summaries, Verdict.For(summaries), examples);
    }

    static async Task<ContestantAnswer> AnswerAsync(Contestant c, EvalItem item, EvaluationOptions options, CancellationToken ct)
    {
        try
        {
            var text = new System.Text.StringBuilder();
            AnswerStats? stats = null;
            await foreach (var u in c.StreamAsync(item.Prompt, ct)) { text.Append(u.Text); stats ??= u.Final; }
            string answer = text.ToString().Trim();
            double[]? logProbs = null;
            try { logProbs = await c.ScoreAsync(item.Prompt, item.Reference, ct); }
            catch (Serving.ChatRequestException) { } // reference does not fit the context: no perplexity for this one
            int? judge = options.Judge is null ? null : await options.Judge.ScoreAsync(item.Question, item.Reference, answer, ct);
            return new ContestantAnswer(c.Name, answer, AnswerMetrics.TokenF1(answer, item.Reference), AnswerMetrics.RougeL(answer, item.Reference),
                KeyFacts.Found(answer, item.Facts).Count, item.Facts.Count, logProbs is null ? null : AnswerMetrics.Perplexity(logProbs), logProbs?.Length ?? 0,
                stats!.TimeToFirstTokenMs, stats.LatencyMs, stats.PromptTokens, stats.CompletionTokens, stats.FewShotExamples, judge);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ContestantAnswer(c.Name, "", 0, 0, 0, item.Facts.Count, null, 0, 0, 0, null, 0, 0, null, ex.Message);
        }
    }

    public static ContestantSummary Summarise(Contestant c, IReadOnlyList<ContestantAnswer> answers)
    {
        var ok = answers.Where(a => a.Error is null).ToList();
        int factsTotal = ok.Sum(a => a.FactsTotal);
        var scored = ok.Where(a => a.Perplexity is not null && a.ReferenceTokens > 0).ToList();
        int scoredTokens = scored.Sum(a => a.ReferenceTokens);
        double? perplexity = scoredTokens == 0 ? null : Math.Exp(scored.Sum(a => Math.Log(a.Perplexity!.Value) * a.ReferenceTokens) / scoredTokens);
        var judged = ok.Where(a => a.JudgeScore is not null).ToList();
        double seconds = ok.Sum(a => a.LatencyMs) / 1000;
        return new ContestantSummary(c.Name, c.Kind, ok.Count, answers.Count - ok.Count,
            Mean(ok, a => a.F1), Mean(ok, a => a.RougeL), factsTotal == 0 ? null : (double)ok.Sum(a => a.FactsFound) / factsTotal, perplexity,
            Mean(ok, a => a.TimeToFirstTokenMs), Mean(ok, a => a.LatencyMs), Mean(ok, a => a.CompletionTokens),
            seconds <= 0 ? 0 : ok.Sum(a => a.CompletionTokens) / seconds, judged.Count == 0 ? null : judged.Average(a => a.JudgeScore!.Value));
    }

    static double Mean(IReadOnlyList<ContestantAnswer> answers, Func<ContestantAnswer, double> f) => answers.Count == 0 ? 0 : answers.Average(f);
}
