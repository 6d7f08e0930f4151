using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Core.Training;

/// <summary>
/// Conversations imported, validated and tokenized for training: the examples, and every record left out with
/// its line and reason (import problems and conversations the chat template refused).
/// </summary>
public sealed record PreparedData(
    ImportResult Import,
    ImportResult? ValidationImport,
    IReadOnlyList<TrainingExample> Train,
    IReadOnlyList<TrainingExample> Validation,
    IReadOnlyList<RejectedRecord> Rejected);
