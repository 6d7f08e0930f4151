using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Web.Datasets;

/// <summary>What the import made of a file, kept with the dataset (<see cref="Data.Dataset.ReportJson"/>).</summary>
/// <param name="Statistics">Counts, token lengths and their histogram over the kept conversations.</param>
/// <param name="Rejected">Every record left out, with its line and reason.</param>
/// <param name="TokenizerModel">The base model whose chat template and tokenizer counted the tokens; null when they are word estimates.</param>
public sealed record DatasetReport(DatasetStatistics Statistics, IReadOnlyList<RejectedRecord> Rejected, string? TokenizerModel);
