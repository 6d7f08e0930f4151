using System.Text.Json.Serialization;

namespace AssistantBuilder.Web.OpenAi;

/// <summary>One server-sent event of a streamed answer (<c>stream: true</c>).</summary>
public sealed record ChatCompletionChunk(string Id, long Created, string Model, IReadOnlyList<ChunkChoice> Choices, Usage? Usage = null)
{
    public string Object => "chat.completion.chunk";
}

public sealed record ChunkChoice(int Index, ChunkDelta Delta, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinishReason);

public sealed record ChunkDelta(string? Role = null, string? Content = null);
