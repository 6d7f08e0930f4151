namespace AssistantBuilder.Core.Evaluation;

/// <summary>
/// A model's answers to an eval set. <see cref="Recall"/>: the fraction of items whose answer states every key
/// fact; <see cref="PartialCredit"/>: the mean over items of the fraction of key facts stated.
/// </summary>
public sealed record FactScore(IReadOnlyList<FactAnswer> Answers, double Seconds)
{
    public double Recall => Answers.Count == 0 ? 0 : Answers.Count(a => a.AllFound) / (double)Answers.Count;
    public double PartialCredit => Answers.Count == 0 ? 0 : Answers.Average(a => a.Credit);
    public int ItemsWithAllFacts => Answers.Count(a => a.AllFound);
}
