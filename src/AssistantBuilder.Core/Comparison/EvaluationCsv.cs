using System.Globalization;

namespace AssistantBuilder.Core.Comparison;

/// <summary>A report as CSV (RFC 4180: fields with commas, quotes or line breaks quoted, quotes doubled): one row per example and contestant, with the question, reference, answer and every score.</summary>
public static class EvaluationCsv
{
    public static void Write(EvaluationReport report, TextWriter writer)
    {
        var csv = new Row(writer);
        foreach (var h in new[] { "example", "question", "reference", "contestant", "kind", "answer", "token_f1", "rouge_l", "facts_found", "facts_total",
                     "perplexity", "reference_tokens", "ttft_ms", "latency_ms", "prompt_tokens", "completion_tokens", "few_shot", "judge", "error" })
            csv.WriteField(h);
        csv.NextRecord();
        var kinds = report.Contestants.ToDictionary(c => c.Name, c => c.Kind);
        foreach (var e in report.Examples)
            foreach (var a in e.Answers)
            {
                csv.WriteField(e.Index + 1); csv.WriteField(e.Question); csv.WriteField(e.Reference); csv.WriteField(a.Contestant);
                csv.WriteField(kinds.TryGetValue(a.Contestant, out var k) ? k.ToString() : ""); csv.WriteField(a.Text);
                csv.WriteField(a.F1.ToString("F4", CultureInfo.InvariantCulture)); csv.WriteField(a.RougeL.ToString("F4", CultureInfo.InvariantCulture));
                csv.WriteField(a.FactsFound); csv.WriteField(a.FactsTotal);
                csv.WriteField(a.Perplexity?.ToString("F4", CultureInfo.InvariantCulture) ?? ""); csv.WriteField(a.ReferenceTokens);
                csv.WriteField(a.TimeToFirstTokenMs.ToString("F1", CultureInfo.InvariantCulture)); csv.WriteField(a.LatencyMs.ToString("F1", CultureInfo.InvariantCulture));
                csv.WriteField(a.PromptTokens?.ToString(CultureInfo.InvariantCulture) ?? ""); csv.WriteField(a.CompletionTokens);
                csv.WriteField(a.FewShotExamples); csv.WriteField(a.JudgeScore?.ToString(CultureInfo.InvariantCulture) ?? ""); csv.WriteField(a.Error ?? "");
                csv.NextRecord();
            }
    }

    sealed class Row(TextWriter writer)
    {
        bool _first = true;

        public void WriteField(object? value)
        {
            string text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            if (!_first) writer.Write(',');
            _first = false;
            writer.Write(text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text);
        }

        public void NextRecord() { writer.Write("\r\n"); _first = true; }
    }

    public static string ToString(EvaluationReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(report, writer);
        return writer.ToString();
    }
}
