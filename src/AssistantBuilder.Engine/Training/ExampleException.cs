namespace AssistantBuilder.Engine.Training;

/// <summary>Base class of the reasons a conversation cannot become a training example.</summary>
public abstract class ExampleException : Exception
{
    private protected ExampleException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
