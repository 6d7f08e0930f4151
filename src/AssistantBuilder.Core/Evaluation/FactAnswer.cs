namespace AssistantBuilder.Core.Evaluation;

/// <summary>A model's answer to one eval item and the key facts it states.</summary>
public sealed record FactAnswer(string Id, string Question, string Answer, IReadOnlyList<string> Facts, IReadOnlyList<string> Found, int PromptTokens)
{
    /// <summary>Every key fact is in the answer.</summary>
    public bool AllFound => Found.Count == Facts.Count;

    /// <summary>Partial credit: the fraction of the key facts in the answer.</summary>
    public double Credit => Facts.Count == 0 ? 1 : (double)Found.Count / Facts.Count;
}
