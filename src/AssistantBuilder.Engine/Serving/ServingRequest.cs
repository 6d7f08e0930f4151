using AssistantBuilder.Engine.Generation;

namespace AssistantBuilder.Engine.Serving;

/// <summary>
/// One generation request: prompt ids (already templated and encoded), sampling and stopping options (with the
/// end-of-sequence ids), and the id of a registered LoRA adapter, or null for the base model.
/// </summary>
public sealed record ServingRequest(IReadOnlyList<int> PromptIds, GenerationOptions Options, string? AdapterId = null);
