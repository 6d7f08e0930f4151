using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AssistantBuilder.Data;

/// <summary>Stores DateTime values as UTC (a local time is converted, an unspecified one taken as UTC) and reads them back as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
