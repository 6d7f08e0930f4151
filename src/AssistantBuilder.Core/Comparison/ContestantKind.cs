namespace AssistantBuilder.Core.Comparison;

/// <summary>Which configuration answers: the fine-tuned assistant, the prompted base model, or an external OpenAI-compatible model.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ContestantKind>))]
public enum ContestantKind { FineTuned, Prompted, External }
