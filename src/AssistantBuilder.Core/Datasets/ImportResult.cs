namespace AssistantBuilder.Core.Datasets;

/// <summary>What <see cref="DatasetImporter"/> made of a file.</summary>
/// <param name="Format">The format read (the detected one when <see cref="DatasetFormat.Auto"/> was asked for).</param>
/// <param name="Conversations">The good conversations, in file order, duplicates dropped.</param>
/// <param name="Rejected">Every bad record, in line order.</param>
/// <param name="Statistics">Statistics over <paramref name="Conversations"/>.</param>
public sealed record ImportResult(
    DatasetFormat Format,
    IReadOnlyList<Conversation> Conversations,
    IReadOnlyList<RejectedRecord> Rejected,
    DatasetStatistics Statistics);
