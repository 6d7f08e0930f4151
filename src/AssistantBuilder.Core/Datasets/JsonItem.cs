namespace AssistantBuilder.Core.Datasets;

/// <summary>One top-level JSON record mapped to a value, or the reason it could not be read.</summary>
internal readonly record struct JsonItem<T>(int Line, int EndLine, T? Value, string? Error);
