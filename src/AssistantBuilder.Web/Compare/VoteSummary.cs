namespace AssistantBuilder.Web.Compare;

/// <summary>The votes on one assistant version (null: no live version): per-contestant win rates, ties and both-bad votes.</summary>
public sealed record VoteSummary(Guid AssistantId, Guid? VersionId, int Votes, int Ties, int BothBad, IReadOnlyList<WinRate> WinRates);
