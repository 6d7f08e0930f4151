namespace AssistantBuilder.Core.Models;

/// <summary>
/// One folder under a models directory, as <c>ab models list</c> shows it: what it holds, read from config.json and
/// the safetensors headers alone, or why it is not a usable model (<see cref="Problem"/>).
/// </summary>
public sealed record LocalModel(string Name, string Path, string? Architecture, long? Parameters, string? Dtype, int? VocabSize,
    bool ChatTemplate, string? Problem)
{
    public bool Usable => Problem is null;
}
