namespace AssistantBuilder.Web.BaseModels;

/// <summary>A model request that cannot be done, with the HTTP status and the message the operator sees.</summary>
public sealed class ModelRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ModelRequestException NotFound(Guid id) => new(StatusCodes.Status404NotFound, $"No base model with id {id}.");
}
