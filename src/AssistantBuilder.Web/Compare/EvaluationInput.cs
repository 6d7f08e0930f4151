using AssistantBuilder.Core.Comparison;

namespace AssistantBuilder.Web.Compare;

/// <summary>
/// A held-out evaluation to start: the assistant, the uploaded eval dataset (last assistant turn = reference), the
/// dataset to pick few-shot examples from (optional), k, a limit on examples, the external model (configured, or
/// given), an LLM judge (needs the external model) and key facts per question (facts.json items).
/// </summary>
public sealed record EvaluationInput(Guid AssistantId, Guid EvalDatasetId, Guid? ExamplesDatasetId = null, int FewShot = 3, int? Limit = null,
    bool IncludeExternal = false, ExternalInput? External = null, bool Judge = false, IReadOnlyList<KeyFact>? Facts = null);
