namespace AssistantBuilder.Core.Comparison;

/// <summary>The verdict at a glance: the fine-tuned contestant against the prompted one on each metric they share.</summary>
public static class Verdict
{
    public static string For(IReadOnlyList<ContestantSummary> summaries)
    {
        var tuned = summaries.FirstOrDefault(s => s.Kind == ContestantKind.FineTuned);
        var prompted = summaries.FirstOrDefault(s => s.Kind == ContestantKind.Prompted);
        if (tuned is null || prompted is null) return "Nothing to compare: the fine-tuned and the prompted configuration are both needed.";
        var metrics = new List<(string Name, double? Tuned, double? Prompted, bool HigherIsBetter)>
        {
            ("token F1", tuned.F1, prompted.F1, true),
            ("ROUGE-L", tuned.RougeL, prompted.RougeL, true),
            ("fact recall", tuned.FactRecall, prompted.FactRecall, true),
            ("perplexity", tuned.Perplexity, prompted.Perplexity, false),
        };
        var compared = metrics.Where(m => m.Tuned is not null && m.Prompted is not null).ToList();
        int wins = compared.Count(m => m.HigherIsBetter ? m.Tuned > m.Prompted : m.Tuned < m.Prompted);
        int losses = compared.Count(m => m.HigherIsBetter ? m.Tuned < m.Prompted : m.Tuned > m.Prompted);
        string who = wins > losses ? "Fine-tuning wins" : losses > wins ? "The prompted baseline wins" : "No clear winner";
        string detail = string.Join(", ", compared.Select(m => $"{m.Name} {Format(m.Tuned!.Value)} vs {Format(m.Prompted!.Value)}"));
        return $"{who}: better on {wins} of {compared.Count} metrics, worse on {losses} (fine-tuned vs prompted: {detail}).";
    }

    static string Format(double v) => v >= 10 ? v.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
}
