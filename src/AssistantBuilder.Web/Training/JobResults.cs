namespace AssistantBuilder.Web.Training;

/// <summary>Why an operation on jobs did not happen: an unknown id (404), a request in the wrong state (409) or bad input (400).</summary>
public sealed record JobError(JobErrorKind Kind, string Message, IDictionary<string, string[]>? Fields = null);

public enum JobErrorKind { NotFound, Conflict, Invalid }
