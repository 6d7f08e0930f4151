namespace AssistantBuilder.Engine.Training;

/// <summary>An assistant turn of the conversation cannot be trained on as the template renders it.</summary>
public abstract class TurnException : ExampleException
{
    private protected TurnException(string templateName, int turn, string message)
        : base(message)
    {
        TemplateName = templateName;
        Turn = turn;
    }

    /// <summary>The chat template's <see cref="Templates.ChatTemplate.Name"/>.</summary>
    public string TemplateName { get; }

    /// <summary>The index, among the messages, of the assistant turn.</summary>
    public int Turn { get; }
}
