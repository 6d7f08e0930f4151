namespace AssistantBuilder.Web.Assistants;

/// <summary>
/// An assistant request that cannot be done: the HTTP status, the message the operator sees and, for invalid input,
/// the fields at fault (which the API returns as a validation problem).
/// </summary>
public sealed class AssistantRequestException(int status, string message, IDictionary<string, string[]>? errors = null) : Exception(message)
{
    public int Status { get; } = status;
    public IDictionary<string, string[]>? Errors { get; } = errors;

    public static AssistantRequestException NotFound(string what, Guid id) => new(StatusCodes.Status404NotFound, $"No {what} with id {id}.");

    public static AssistantRequestException Invalid(string field, string message) =>
        new(StatusCodes.Status422UnprocessableEntity, message, new Dictionary<string, string[]> { [field] = [message] });

    public static AssistantRequestException Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}
