namespace AssistantBuilder.Engine.Training;

/// <summary>The conversation has more tokens than the maximum sequence length.</summary>
public sealed class ExampleTooLongException : ExampleException
{
    public ExampleTooLongException(int tokens, int max)
        : base($"The conversation has {tokens} tokens, more than the maximum sequence length of {max}.")
    {
        Tokens = tokens;
        Max = max;
    }

    public int Tokens { get; }

    public int Max { get; }
}
