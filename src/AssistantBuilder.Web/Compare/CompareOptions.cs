using AssistantBuilder.Core.Comparison;

namespace AssistantBuilder.Web.Compare;

/// <summary>
/// The <c>Compare</c> settings: the optional external contestant (<c>Compare:External:Endpoint</c>, <c>:Model</c>,
/// <c>:ApiKey</c>; any OpenAI-compatible endpoint) and the answer length cap of held-out evaluations.
/// </summary>
public sealed class CompareOptions
{
    public ExternalSettings External { get; set; } = new();
    public int EvaluationMaxTokens { get; set; } = 96;

    public ExternalModel? ExternalModel() =>
        External is { Endpoint.Length: > 0, Model.Length: > 0 } e ? new ExternalModel(e.Endpoint, e.Model, e.ApiKey) : null;

    public sealed class ExternalSettings
    {
        public string Endpoint { get; set; } = "";
        public string Model { get; set; } = "";
        public string? ApiKey { get; set; }
    }
}
