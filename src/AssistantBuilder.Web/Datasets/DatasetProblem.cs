using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Web.Datasets;

/// <summary>Why a dataset operation was refused: the HTTP status that fits, a message for the operator, and for a
/// file without any usable record, every rejected record.</summary>
public sealed class DatasetProblem(int status, string message, IReadOnlyList<RejectedRecord>? rejected = null) : Exception(message)
{
    public int Status { get; } = status;
    public IReadOnlyList<RejectedRecord> Rejected { get; } = rejected ?? [];

    public static DatasetProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
    public static DatasetProblem TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, message);
    public static DatasetProblem Unusable(string message, IReadOnlyList<RejectedRecord>? rejected = null) => new(StatusCodes.Status422UnprocessableEntity, message, rejected);
    public static DatasetProblem Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}
