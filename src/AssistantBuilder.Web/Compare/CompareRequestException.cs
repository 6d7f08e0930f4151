namespace AssistantBuilder.Web.Compare;

/// <summary>A comparison request that cannot run as asked: NotFound for unknown ids, otherwise a validation problem on <see cref="Field"/>.</summary>
public sealed class CompareRequestException(string field, string message, bool notFound = false) : Exception(message)
{
    public string Field { get; } = field;
    public bool NotFound { get; } = notFound;
}
