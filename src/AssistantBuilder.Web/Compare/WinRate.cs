namespace AssistantBuilder.Web.Compare;

/// <summary>How often a contestant kind won the votes it took part in, with the 95 % Wilson score interval.</summary>
public sealed record WinRate(string Contestant, int Wins, int Votes, double Rate, double Low, double High);
