namespace AssistantBuilder.Core.Datasets;

/// <summary>Thrown by the record parsers for one bad record; the importer turns it into a <see cref="RejectedRecord"/>.</summary>
internal sealed class RecordRejectedException(string reason) : Exception(reason);
