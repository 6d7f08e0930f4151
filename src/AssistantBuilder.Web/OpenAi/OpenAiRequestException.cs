namespace AssistantBuilder.Web.OpenAi;

/// <summary>A request the API refuses, with the OpenAI error fields and HTTP status to answer with.</summary>
public sealed class OpenAiRequestException(string message, string? param = null, string? code = null, int status = StatusCodes.Status400BadRequest)
    : Exception(message)
{
    public string? Param { get; } = param;
    public string? Code { get; } = code;
    public int Status { get; } = status;

    public OpenAiError ToError() => OpenAiError.Of(Message, Param, Code);
}
