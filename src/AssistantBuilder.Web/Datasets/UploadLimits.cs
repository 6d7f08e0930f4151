namespace AssistantBuilder.Web.Datasets;

/// <summary>The <c>Uploads</c> settings: the largest dataset file accepted (<c>Uploads:MaxBytes</c>, default 100 MB).</summary>
public sealed class UploadLimits
{
    public const long DefaultMaxBytes = 100L * 1024 * 1024;

    public long MaxBytes { get; set; } = DefaultMaxBytes;

    public string Describe() => FormatSize(MaxBytes);

    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024.0):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };

    /// <summary>The message for a file over the limit.</summary>
    public string TooLarge(string fileName, long? size) =>
        $"{fileName} is too large{(size is long s ? $" ({FormatSize(s)})" : "")}: the upload limit is {Describe()} (setting Uploads:MaxBytes).";
}
