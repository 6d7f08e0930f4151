namespace AssistantBuilder.Web.Compare;

/// <summary>What an operator can vote in blind mode: a column label, a tie, or both (all) bad.</summary>
public static class VoteChoices
{
    public const string Tie = "tie", BothBad = "both-bad";
    public static readonly IReadOnlyList<string> Labels = ["A", "B", "C"];

    /// <summary>The contestant a choice picks (null for tie and both-bad), or an error message for a bad choice.</summary>
    public static (string? Winner, string? Error) Resolve(string choice, IReadOnlyList<string> order)
    {
        if (choice is Tie or BothBad) return (null, null);
        int index = Labels.ToList().IndexOf(choice);
        return index >= 0 && index < order.Count ? (order[index], null)
            : (null, $"choice must be one of {string.Join(", ", Labels.Take(order.Count))}, {Tie} or {BothBad} (got '{choice}')");
    }
}
