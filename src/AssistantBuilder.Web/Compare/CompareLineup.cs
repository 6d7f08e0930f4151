using AssistantBuilder.Core.Comparison;
using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Compare;

/// <summary>The contestants for one assistant: its live version (fine-tuned), the prompted base model, and optionally an external model.</summary>
public sealed record CompareLineup(Assistant Assistant, AdapterVersion? Version, IReadOnlyList<Contestant> Contestants);
