namespace AssistantBuilder.Web.Conversations;

/// <summary>A refused conversation request: the HTTP status that fits and a message that says what is wrong.</summary>
public sealed class ConversationRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ConversationRequestException NotFound(string message) => new(StatusCodes.Status404NotFound, message);
    public static ConversationRequestException Invalid(string message) => new(StatusCodes.Status422UnprocessableEntity, message);
}
