namespace AssistantBuilder.Core.Comparison;

/// <summary>Which configuration answers: the fine-tuned assistant, the prompted base model, or an external OpenAI-compatible model.</summary>
public enum ContestantKind { FineTuned, Prompted, External }
