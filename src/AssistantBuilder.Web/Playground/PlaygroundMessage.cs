namespace AssistantBuilder.Web.Playground;

/// <summary>One turn of a playground chat; an answer carries its statistics once it is done.</summary>
public sealed class PlaygroundMessage(string role, string text)
{
    public string Role { get; } = role;
    public string Text { get; set; } = text;
    /// <summary>True when the answer was stopped or hit the token limit before the model ended its turn.</summary>
    public bool Truncated { get; set; }
    public AnswerStats? Stats { get; set; }
    public bool IsUser => Role == "user";
}

/// <summary>Completion tokens, time to first token, and tokens per second over the whole answer.</summary>
public sealed record AnswerStats(int Tokens, TimeSpan? TimeToFirstToken, TimeSpan Duration)
{
    public double TokensPerSecond => Duration > TimeSpan.Zero ? Tokens / Duration.TotalSeconds : 0;
}
